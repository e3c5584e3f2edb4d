// Generator methods in objects and classes, and generator function expressions.
const o = { *g() { yield this.v; }, v: "obj" };
class C { static *range(n) { for (let i = 0; i < n; i++) yield i; } }
const expr = function* () { yield* C.range(2); };
console.log([...o.g()].join(), [...C.range(3)].join(), [...expr()].join());
