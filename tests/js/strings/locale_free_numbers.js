// Number to string in templates and concatenation uses shortest round-trip digits.
const vals = [0.1, 1 / 3, 1e21, 1e-7, -0, 123456789.123, 2 ** 31];
console.log(vals.map((v) => `${v}`).join(" "));
console.log(vals.map((v) => "" + v).join(" "));
