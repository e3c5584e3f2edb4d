// Computed property keys are evaluated in order and converted with ToPropertyKey.
let i = 0;
const key = { toString() { return "fromToString"; } };
const o = { [`k${++i}`]: i, [`k${++i}`]: i, [key]: "yes", [1 + 1]: "two", [null]: "n" };
console.log(Object.keys(o).join(","), o.k1, o.k2, o.fromToString, o[2], o.null);
