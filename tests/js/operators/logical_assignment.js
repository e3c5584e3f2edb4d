// &&=, ||= and ??= assign only when needed (and skip setters otherwise).
let a = 0, b = 1, c = null;
a ||= 5; b &&= 7; c ??= 9;
console.log(a, b, c);
let calls = 0;
const o = { get v() { return 1; }, set v(x) { calls++; } };
o.v ||= 2; o.v ??= 3;
console.log(calls);
o.v &&= 4;
console.log(calls);
