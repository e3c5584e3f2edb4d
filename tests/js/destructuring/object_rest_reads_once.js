// Object rest patterns read each named property once and copy the rest without it.
let n = 0;
const src = { get a() { n++; return 1; }, b: 2, [Symbol.iterator]: 3, c: 4 };
const { a, ...rest } = src;
console.log(a, n, JSON.stringify(rest), Object.keys(rest));
const k = "b";
const { [k]: bb, c, ...r2 } = src;
console.log(bb, c, n, JSON.stringify(r2));
const { ...all } = "hi";
console.log(JSON.stringify(all));
let x, y;
({ b: x, ...y } = src);
console.log(x, n, Object.keys(y));
function f({ a, ...o }) { return Object.keys(o).length; }
for (let i = 0; i < 300; i++) f(src);
console.log(f(src), n);
const log = [];
const p = new Proxy({ a: 1, b: 2 }, { getOwnPropertyDescriptor(t, key) { log.push(String(key)); return Reflect.getOwnPropertyDescriptor(t, key); } });
const { a: pa, ...pr } = p;
console.log(pa, JSON.stringify(pr), log.join());
