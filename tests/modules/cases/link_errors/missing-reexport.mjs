export { gone } from "./lib.mjs";
