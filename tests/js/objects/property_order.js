// Own keys: integer-like keys ascending, then strings in insertion order, then symbols.
const o = {};
o.b = 1; o[10] = 1; o.a = 1; o[2] = 1; o["-1"] = 1; o["01"] = 1; o[4294967294] = 1; o[1.5] = 1;
o[Symbol.for("s")] = 1; o[0] = 1;
console.log(Object.keys(o).join(","));
console.log(Reflect.ownKeys(o).length, Object.getOwnPropertySymbols(o).length);
