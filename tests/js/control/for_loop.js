// Classic for loops: empty clauses, multiple variables, comma updates.
let s = "";
for (let i = 0, j = 10; i < j; i += 2, j -= 2) s += i + ":" + j + " ";
console.log(s);
let n = 0;
for (;;) { if (++n > 4) break; }
console.log(n);
for (var v = 0; v < 3; v++);
console.log(v);
