// Primitives and Symbol.for symbols cannot be held weakly.
const tries = [
  () => new WeakMap().set(1, 1),
  () => new WeakMap().set(Symbol.for("registered"), 1),
  () => new WeakSet().add("str"),
  () => new WeakSet().add(null),
  () => new WeakRef(5),
  () => new WeakMap([[1, 2]]),
];
for (const t of tries) {
  try { t(); console.log("no error"); } catch (e) { console.log(e.constructor.name, e.message); }
}
console.log(new WeakSet().add(Symbol.iterator).has(Symbol.iterator));
