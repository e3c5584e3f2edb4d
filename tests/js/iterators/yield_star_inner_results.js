// yield* hands the inner iterator's result objects back unchanged.
let reads = 0;
const res = Object.defineProperty({ done: false }, "value", { get() { reads++; return reads; } });
const inner = { [Symbol.iterator]() { return this; }, next() { return res; } };
function* g() { const r = yield* inner; console.log("returned", r); }
const it = g();
const a = it.next();
console.log(a === res, reads, "done" in a);
it.next();
console.log(reads);
res.done = true;
console.log(JSON.stringify(it.next()), reads);
function* h() { yield* [1, 2]; yield* g2(); }
function* g2() { yield 3; return 4; }
console.log([...h()]);
const it2 = h(); it2.next(); console.log(JSON.stringify(it2.return(9)));
