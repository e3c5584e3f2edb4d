export const only = "x-only";
export const clash = "x";
export { s as shared } from "./s.mjs";
export default "x-default";
