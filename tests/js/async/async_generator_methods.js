// Async generator next() returns promises; return() and queued requests.
async function* g() { yield 1; yield 2; }
const it = g();
const p1 = it.next(), p2 = it.next(), p3 = it.next();
console.log(p1 instanceof Promise);
Promise.all([p1, p2, p3]).then((rs) => console.log(rs.map((r) => `${r.value}:${r.done}`).join(" ")));
const it2 = g();
it2.return("bye").then((r) => console.log("return", r.value, r.done));
