// An import is the exporter's binding itself: later assignments show through.
import { count, bump, reset } from "./counter.mjs";
import * as counter from "./counter.mjs";
console.log(count, counter.count);
bump();
bump();
console.log(count, counter.count);
reset();
console.log(count);
try {
  count = 5;
} catch (e) {
  console.log(e.name, e.message);
}
