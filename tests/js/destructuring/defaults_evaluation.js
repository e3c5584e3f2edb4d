// Defaults are evaluated only when the value is undefined, left to right.
let calls = 0;
const def = (v) => { calls++; return v; };
const { x = def(1), y = def(2), z = def(3) } = { x: null, y: undefined };
console.log(x, y, z, calls);
const [p = def("p"), q = p + "!"] = [];
console.log(p, q, calls);
