// Infinite generators combined with early exit.
function* naturals() { let n = 0; while (true) yield n++; }
function* take(n, it) { for (const x of it) { if (n-- <= 0) return; yield x; } }
function* map(f, it) { for (const x of it) yield f(x); }
console.log([...take(5, map((x) => x * x, naturals()))].join());
