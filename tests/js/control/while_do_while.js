// while and do-while loops; do-while runs its body at least once.
let i = 0, out = [];
while (i < 5) out.push(i++);
console.log(out.join(","));
let j = 10;
do { out.push(j); } while (j < 5);
console.log(out.join(","));
let k = 0;
do k++; while (k < 3)
console.log(k);
