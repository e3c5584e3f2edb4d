// A named function expression can refer to itself; the name is read-only inside.
const f = function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); };
console.log(f(5), typeof fact);
const g = function self() { self = 1; return typeof self; };
console.log(g());
