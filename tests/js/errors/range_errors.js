// Operations that throw RangeError.
const cases = [
  () => new Array(-1),
  () => "x".repeat(Infinity),
  () => (1).toString(1),
  () => (1.5).toFixed(101),
  () => { const a = []; a.length = 2 ** 32; },
];
for (const f of cases) {
  try { f(); console.log("no error"); } catch (e) { console.log(e.name, e instanceof RangeError); }
}
