// isExtensible / preventExtensions traps, and freezing a proxy through its traps.
const log = [];
const target = { a: 1 };
const handler = {};
for (const name of ["isExtensible", "preventExtensions", "ownKeys", "getOwnPropertyDescriptor",
                    "defineProperty"]) {
  handler[name] = (...args) => { log.push(name); return Reflect[name](...args); };
}
const p = new Proxy(target, handler);
console.log(Object.isExtensible(p));
Object.freeze(p);
console.log(log.join(" "));
console.log(Object.isFrozen(target), Object.isFrozen(p));
const refuses = new Proxy({}, { preventExtensions() { return false; } });
console.log(Reflect.preventExtensions(refuses));
try {
  Object.preventExtensions(refuses);
} catch (e) {
  console.log(e.constructor.name);
}
