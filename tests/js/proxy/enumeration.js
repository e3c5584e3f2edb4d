// for-in, JSON.stringify, Object.keys/entries/values/assign and spread use the traps.
const log = [];
const target = { b: 2, a: 1 };
Object.defineProperty(target, "hidden", { value: 0, enumerable: false });
const p = new Proxy(target, {
  ownKeys(t) { log.push("ownKeys"); return Reflect.ownKeys(t).concat(["virtual"]); },
  getOwnPropertyDescriptor(t, k) {
    log.push(`gopd ${k}`);
    if (k === "virtual") return { value: "v", enumerable: true, configurable: true };
    return Reflect.getOwnPropertyDescriptor(t, k);
  },
  get(t, k, r) { return k === "virtual" ? "v" : Reflect.get(t, k, r); },
});
const keys = [];
for (const k in p) keys.push(k);
console.log(keys);
console.log(JSON.stringify(p));
console.log(Object.keys(p), Object.values(p), Object.entries(p));
console.log(Object.assign({}, p), { ...p });
const { a, ...rest } = p;
console.log(a, rest);
console.log(JSON.stringify({ nested: new Proxy([1, { x: 2 }], {}) }));
