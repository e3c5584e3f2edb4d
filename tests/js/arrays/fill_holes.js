// fill() on holes: own data properties, unless an inherited setter owns that index.
const a = new Array(5).fill(7);
console.log(a, a.length, Object.keys(a).length, 2 in a);
const b = [1, , 3, , 5];
b.fill(0, 1, 4);
console.log(b, Object.getOwnPropertyDescriptor(b, 3));
console.log(new Array(3).fill(1, 1), Object.keys(new Array(3).fill(1, 1)));
const seen = [];
Object.defineProperty(Array.prototype, 6, { set(v) { seen.push(v); }, configurable: true });
const c = new Array(8).fill("x");
console.log(seen, 6 in c, Object.hasOwn(c, 6), Object.keys(c).join());
delete Array.prototype[6];
