// In a cycle, reading a binding before its module ran throws ReferenceError.
import { early } from "./first.mjs";
console.log("main", early);
