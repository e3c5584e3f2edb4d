// The ownKeys trap feeds Reflect.ownKeys, Object.keys, getOwnPropertyNames/Symbols.
const sym = Symbol("s");
const target = { a: 1, b: 2 };
Object.defineProperty(target, "hidden", { value: 3, enumerable: true, configurable: true });
const p = new Proxy(target, {
  ownKeys() {
    return ["b", "a", "hidden", "extra", sym];
  },
  getOwnPropertyDescriptor(t, key) {
    if (key === "extra") return { value: "x", enumerable: false, configurable: true };
    return Reflect.getOwnPropertyDescriptor(t, key);
  },
});
console.log(Reflect.ownKeys(p).map(String));
console.log(Object.keys(p));
console.log(Object.getOwnPropertyNames(p));
console.log(Object.getOwnPropertySymbols(p).map(String));
for (const bad of [[1], ["a", "a"], "not an object"]) {
  try {
    Reflect.ownKeys(new Proxy({}, { ownKeys: () => bad }));
    console.log("accepted");
  } catch (e) {
    console.log(e.constructor.name);
  }
}
