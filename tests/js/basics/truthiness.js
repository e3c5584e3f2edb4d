// ToBoolean of all falsy values and some truthy surprises.
const vals = [0, -0, NaN, "", null, undefined, false, "0", "false", [], {}, " ", -1, Infinity];
console.log(vals.map((v) => (v ? "T" : "F")).join(""));
console.log(!"", !"a", !!0, !!1, !null);
