// main -> a -> b -> a: b runs first and can call a's hoisted function already.
import { fromA, aValue } from "./a.mjs";
import { order } from "./log.mjs";
console.log(fromA(), aValue);
console.log(order.join(" "));
