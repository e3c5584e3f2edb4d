// The == table (abstract equality) for primitives and objects.
const vals = [0, 1, "", "0", "1", " ", null, undefined, NaN, true, false, [], [0], "true"];
const names = ["0", "1", '""', '"0"', '"1"', '" "', "null", "undef", "NaN", "true", "false", "[]", "[0]", '"true"'];
vals.forEach((a, i) => {
  let row = "";
  for (const b of vals) row += a == b ? "1" : ".";
  console.log(names[i].padStart(6), row);
});
