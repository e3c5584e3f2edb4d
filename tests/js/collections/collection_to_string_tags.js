// Object.prototype.toString and String() of the keyed collections and their iterators.
const objects = [new Map(), new Set(), new WeakMap(), new WeakSet(), new Map().entries(), new Set().values(),
  Map.prototype, Set.prototype];
for (const o of objects) console.log(Object.prototype.toString.call(o));
console.log(String(new Map()), `${new Set([1])}`, new Map() + "");
