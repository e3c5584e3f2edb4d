// Namespace objects: sorted keys, no prototype, not extensible, read-only.
import * as ns from "./lib.mjs";
console.log(Reflect.ownKeys(ns).map(String).join(","));
console.log(Object.getPrototypeOf(ns), Object.isExtensible(ns), Object.isFrozen(ns));
console.log(ns[Symbol.toStringTag], Object.prototype.toString.call(ns));
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(ns, "b")));
console.log("b" in ns, "zz" in ns, ns.zz);
for (const attempt of [() => { ns.b = 2; }, () => { ns.fresh = 1; }, () => { delete ns.b; }]) {
  try {
    attempt();
    console.log("no error");
  } catch (e) {
    console.log(e.name);
  }
}
console.log(Reflect.set(ns, "b", 3), Reflect.deleteProperty(ns, "b"), Reflect.deleteProperty(ns, "zz"));
console.log(Reflect.defineProperty(ns, "b", { value: "bee" }), Reflect.defineProperty(ns, "b", { value: 9 }));
console.log(Reflect.setPrototypeOf(ns, null), Reflect.setPrototypeOf(ns, {}));
console.log(Object.keys(ns).length, Object.entries(ns).map(([k, v]) => k + "=" + typeof v).join(" "));
console.log(ns);
