// map, filter, reduce and reduceRight with index arguments.
const a = [1, 2, 3, 4];
console.log(a.map((x, i) => x * i).join(), a.filter((x) => x % 2).join());
console.log(a.reduce((s, x) => s + x), a.reduce((s, x) => s + x, 10), a.reduceRight((s, x) => s + x, ""));
try { [].reduce((a, b) => a + b); } catch (e) { console.log(e instanceof TypeError); }
console.log([5].reduce((a, b) => a + b));
