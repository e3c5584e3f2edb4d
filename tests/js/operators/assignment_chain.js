// Chained assignment is right-associative and returns the assigned value.
let a, b, c;
a = b = c = 5;
console.log(a, b, c);
const o = {};
o.x = o.y = [];
console.log(o.x === o.y);
let n = 1;
const r = (n += 2) * (n *= 2);
console.log(r, n);
