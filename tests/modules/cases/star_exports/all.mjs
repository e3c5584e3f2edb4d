export * from "./x.mjs"; export * from "./y.mjs"; export * as sub from "./y.mjs"; export { only as one } from "./x.mjs";
