// Callbacks receive (value, index, array) and thisArg.
const a = ["a", "b"];
a.forEach(function (v, i, arr) { console.log(v, i, arr === a, this.tag); }, { tag: "T" });
const r = a.map(function () { return this; }, 5);
console.log(typeof r[0]);
