// Array patterns work with any iterable: strings, generators, Map-like entries.
const [a, b, c] = "hi";
console.log(a, b, c);
function* g() { yield 1; yield 2; yield 3; }
const [, second, ...tail] = g();
console.log(second, tail.join());
const [[k1, v1], [k2, v2]] = Object.entries({ p: 1, q: 2 });
console.log(k1, v1, k2, v2);
