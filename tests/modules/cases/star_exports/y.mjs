export const clash = "y";
export { s as shared } from "./s.mjs";
export const why = 1;
