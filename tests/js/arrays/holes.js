// Holes: in, forEach skips them, map keeps them, join shows empty.
const a = [1, , 3];
console.log(1 in a, a[1], a.join("|"));
const seen = [];
a.forEach((v, i) => seen.push(i));
console.log(seen.join());
const m = a.map((v) => v * 2);
console.log(1 in m, m.length, m.join("|"));
console.log(Object.keys(a).join(), a.indexOf(undefined), a.includes(undefined));
