// Export and import names may be any string.
import { "a b" as ab, "😀" as smile } from "./lib.mjs";
import * as ns from "./lib.mjs";
console.log(ab, smile, Object.keys(ns).join("|"));
