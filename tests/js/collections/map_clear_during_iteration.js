// Clearing a Map mid-iteration ends the old entries; entries added afterwards are still visited.
const m = new Map([["a", 1], ["b", 2], ["c", 3]]);
const seen = [];
for (const [k] of m) {
  seen.push(k);
  if (k === "a") { m.clear(); m.set("new", 9); }
}
console.log(seen, m.size);
const s = new Set([1, 2, 3]);
const it = s.values();
it.next();
s.clear();
console.log(it.next(), s.size);
