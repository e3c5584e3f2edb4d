// The comma operator evaluates left to right and yields the last value.
let i = 0;
const r = (i++, i++, i * 10);
console.log(r, i);
for (let a = 0, b = 3; a < b; a++, b--) console.log(a, b);
