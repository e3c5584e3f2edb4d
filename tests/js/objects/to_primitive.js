// valueOf/toString order in ToPrimitive, and Symbol.toPrimitive.
const o = { valueOf() { return 10; }, toString() { return "str"; } };
console.log(o + 1, `${o}`, o * 2, String(o), o > 5);
const p = { [Symbol.toPrimitive](hint) { return hint === "number" ? 1 : hint === "string" ? "S" : "D"; } };
console.log(+p, `${p}`, p + "", p == "D");
const bad = { valueOf() { return {}; }, toString() { return {}; } };
try { bad + 1; } catch (e) { console.log(e instanceof TypeError); }
