// Object literals: shorthand properties, methods, quoted and numeric keys.
const x = 1, y = 2;
const o = { x, y, "quoted key": 3, 42: "num", 1.5: "float", m() { return this.x + this.y; } };
console.log(o.x, o.y, o["quoted key"], o[42], o["42"], o["1.5"], o.m());
console.log(Object.keys(o).join("|"));
