// Spread in array literals copies, concatenates and expands iterables and holes.
const a = [1, 2], b = [3];
const c = [...a, ...b, ...a];
console.log(c.join(), c.length, [..."abc"].join("|"));
const h = [...[1, , 3]];
console.log(1 in h, h[1]);
const copy = [...a];
copy.push(9);
console.log(a.length, copy.length);
