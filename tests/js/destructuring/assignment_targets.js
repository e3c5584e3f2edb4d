// Destructuring assignment into existing variables, properties and array elements.
let a, b;
const o = {};
const arr = [];
({ a, b = 5 } = { a: 1 });
[o.x, arr[0], ...o.rest] = ["X", "A0", "r1", "r2"];
console.log(a, b, o.x, arr[0], o.rest.join());
let x = 1, y = 2, z = 3;
[x, y, z] = [z, x, y];
console.log(x, y, z);
