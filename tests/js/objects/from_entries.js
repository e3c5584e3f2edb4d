// Object.fromEntries builds an object from key/value pairs.
const o = Object.fromEntries([["a", 1], ["b", 2]]);
console.log(o.a, o.b, Object.keys(o).join());
const doubled = Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v * 2]));
console.log(doubled.a, doubled.b);
