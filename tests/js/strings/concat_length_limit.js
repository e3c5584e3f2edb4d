// Concatenating past the maximum string length is a RangeError, on every add path.
let s = "ab".repeat(2 ** 27);  // 2^28 code units
function add(a, b) { return a + b; }
for (const attempt of [() => s + s, () => add(s, s), () => { let t = s; t += s; return t; }]) {
  try { attempt(); console.log("no error"); } catch (e) { console.log(e instanceof RangeError, e.message); }
}
console.log((s + "x").length);
