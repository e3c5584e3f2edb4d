// delete on properties, array elements, variables and non-references.
const o = { a: 1 };
console.log(delete o.a, delete o["nonexistent"], delete 5, delete o);
var v = 1;
globalThis.g = 2;
console.log(delete globalThis.v, delete globalThis.g, typeof g);
