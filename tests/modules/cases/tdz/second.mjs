import { early, Early, hoisted } from "./first.mjs";
import * as first from "./first.mjs";
for (const read of [() => early, () => Early, () => first.early, () => first.Early]) {
  try {
    read();
  } catch (e) {
    console.log(e.name, e.message);
  }
}
console.log(hoisted(), first.hoisted === hoisted);
console.log(Reflect.ownKeys(first).map(String).join(","));
try {
  Object.keys(first);
} catch (e) {
  console.log("keys:", e.name);
}
try {
  Object.getOwnPropertyDescriptor(first, "early");
} catch (e) {
  console.log("descriptor:", e.name);
}
console.log("early" in first, Reflect.has(first, "Early"));
