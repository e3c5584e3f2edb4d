// for-of with let/const creates a binding per iteration.
const fns = [];
for (const [k, v] of [["a", 1], ["b", 2]]) fns.push(() => k + v);
console.log(fns.map((f) => f()).join());
let last;
for (let x of [1, 2, 3]) { x *= 10; last = x; }
console.log(last);
