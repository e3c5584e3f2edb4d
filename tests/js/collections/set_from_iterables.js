// The Set constructor takes strings, arrays, other sets and generators, calling add for each.
console.log([...new Set("hello")].join(""), new Set([3, 1, 3, 2]).size);
const copy = new Set(new Set([1, 2]));
function* g() { yield* [5, 6, 5]; }
console.log([...copy], [...new Set(g())]);
const added = [];
class Logged extends Set { add(v) { added.push(v); return super.add(v); } }
new Logged(["x", "y", "x"]);
console.log(added);
const unique = [...new Set([3, 3, 1, 2, 1])].sort();
console.log(unique);
