// Set.prototype.keys is values, @@iterator is values, entries yields [v, v] pairs.
const s = new Set(["p", "q"]);
console.log(Set.prototype.keys === Set.prototype.values, s[Symbol.iterator] === s.values);
console.log([...s.keys()], [...s.entries()], Map.prototype[Symbol.iterator] === Map.prototype.entries);
const it = s.values();
console.log(it[Symbol.iterator]() === it, it.next(), it.next(), it.next(), it.next());
const proto = Object.getPrototypeOf(it);
console.log(Object.getPrototypeOf(proto) === Object.getPrototypeOf(Object.getPrototypeOf([].values())));
console.log(proto[Symbol.toStringTag], Object.getPrototypeOf(new Map().keys())[Symbol.toStringTag]);
