// Set.prototype.forEach passes (value, value, set) and sees values added during the walk.
const s = new Set(["a", "b", "c"]);
const seen = [];
s.forEach((v, k, set) => {
  seen.push(v + (v === k ? "" : "!") + (set === s ? "" : "?"));
  if (v === "a") { s.delete("b"); s.add("d"); }
});
console.log(seen.join(","));
const grow = new Set([0]);
let n = 0;
grow.forEach((v) => { n++; if (v < 5) grow.add(v + 1); });
console.log(n, [...grow]);
