// Global code declaring a function over a configurable property redefines it as a data property.
Object.defineProperty(globalThis, "fx", { get() { return 1; }, configurable: true });
(0, eval)("function fx() { return 2; }");
const d = Object.getOwnPropertyDescriptor(globalThis, "fx");
console.log(typeof d.value, d.writable, d.enumerable, d.configurable, fx());
