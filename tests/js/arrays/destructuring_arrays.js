// Array destructuring with holes, defaults, rest and swaps.
const [a, , b = 5, ...rest] = [1, 2, undefined, 4, 5];
console.log(a, b, rest.join());
let x = 1, y = 2;
[x, y] = [y, x];
console.log(x, y);
const [p, [q, r]] = [1, [2, 3]];
console.log(p + q + r);
