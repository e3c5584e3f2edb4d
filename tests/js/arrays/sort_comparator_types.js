// sort with a comparator returning non-numbers and sorting numbers numerically.
const a = [5, 1, 10, 2];
console.log(a.slice().sort((x, y) => x - y).join(), a.slice().sort((x, y) => (x < y ? -1 : 1)).join());
console.log(a.slice().sort(() => 0).join());
try { a.sort("nope"); } catch (e) { console.log(e instanceof TypeError); }
