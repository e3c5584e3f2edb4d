import { order } from "./log.mjs";
import { fromB } from "./b.mjs";
order.push("a");
export function fromA() { return "A sees " + fromB(); }
export const aValue = "a-value";
