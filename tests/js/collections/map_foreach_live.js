// Map.prototype.forEach visits entries added during the walk and skips ones deleted before their turn.
const m = new Map([[1, "a"], [2, "b"], [3, "c"]]);
const seen = [];
m.forEach((value, key, map) => {
  seen.push(key + value);
  if (key === 1) { map.delete(2); map.set(4, "d"); }
  if (key === 4) map.set(5, "e");
});
console.log(seen.join(" "), m.size);
const thisArg = { tag: "T" };
new Map([[0, 0]]).forEach(function () { console.log(this.tag, arguments.length); }, thisArg);
