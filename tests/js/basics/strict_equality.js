// The === table for values of different types.
const vals = [0, -0, 1, "", "0", "1", null, undefined, NaN, true, false];
for (const a of vals) {
  let row = "";
  for (const b of vals) row += a === b ? "1" : ".";
  console.log(String(a).padStart(9), row);
}
