// Generators produce values lazily; the result objects have value and done.
function* gen() { yield 1; yield 2; return 3; }
const g = gen();
const r = [g.next(), g.next(), g.next(), g.next()];
console.log(r.map((x) => `${x.value}/${x.done}`).join(" "));
console.log([...gen()].join(), typeof g, g[Symbol.iterator]() === g);
