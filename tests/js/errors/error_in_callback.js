// Errors thrown inside array callbacks stop the iteration and propagate.
const seen = [];
try {
  [1, 2, 3, 4].forEach((x) => { seen.push(x); if (x === 2) throw new Error("stop at " + x); });
} catch (e) {
  console.log(e.message, seen.join());
}
try { [3, 1, 2].sort(() => { throw new TypeError("cmp"); }); } catch (e) { console.log(e.name); }
