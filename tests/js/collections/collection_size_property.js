// size is an accessor on the prototype, not an own property, and is read-only.
const sizeDesc = Object.getOwnPropertyDescriptor(Map.prototype, "size");
console.log(typeof sizeDesc.get, sizeDesc.set, sizeDesc.enumerable, sizeDesc.configurable, sizeDesc.get.name);
const m = new Map([[1, 1]]);
console.log(Object.keys(m), m.hasOwnProperty("size"), m.size);
m.size = 10;
console.log(m.size);
console.log(["add", "clear", "delete", "entries", "forEach", "has", "keys", "size", "values"]
  .every((name) => Object.getOwnPropertyNames(Set.prototype).includes(name)));
