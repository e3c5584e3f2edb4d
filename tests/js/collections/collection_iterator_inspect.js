// console.log of Map and Set iterators shows the entries still to come.
const m = new Map([["a", 1], ["b", 2], ["c", 3]]);
console.log(m.keys(), m.values(), m.entries());
const it = m.keys();
it.next();
console.log(it);
it.next(); it.next(); it.next();
console.log(it);
const s = new Set(["x", "y"]);
console.log(s.values(), s.entries(), s[Symbol.iterator]());
