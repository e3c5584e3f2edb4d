// Optional chaining on properties, calls, computed access and short-circuiting.
const o = { a: { b: 1 }, f() { return "called"; }, arr: [10] };
console.log(o?.a?.b, o.x?.b, o.x?.b.c.d, o.f?.(), o.g?.(), o.arr?.[0], o.nope?.[0]);
const n = null;
console.log(n?.x, n?.[0], n?.(), undefined?.x);
let count = 0;
n?.[count++];
console.log(count);
