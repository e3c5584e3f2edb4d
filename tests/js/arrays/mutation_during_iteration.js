// forEach uses the length at the start; appended elements are not visited.
const a = [1, 2, 3];
const seen = [];
a.forEach((x) => { seen.push(x); if (x === 1) a.push(99); });
console.log(seen.join(), a.length);
const b = [1, 2, 3];
for (const x of b) { if (x === 1) b.push(4); if (b.length > 5) break; seen.push(x); }
console.log(seen.join());
