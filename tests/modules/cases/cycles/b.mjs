import { order } from "./log.mjs";
import { fromA } from "./a.mjs";
order.push("b");
order.push(typeof fromA);
export function fromB() { return "B"; }
