// Map keys compare by SameValueZero: NaN finds NaN, -0 is +0, 1 / "1" / true / 1n differ.
const m = new Map();
m.set(NaN, "nan").set(-0, "zero").set(1, "one").set("1", "str").set(true, "bool").set(1n, "big");
console.log(m.size, m.get(NaN), m.get(0), m.get(-0), Object.is([...m.keys()][1], 0));
console.log(m.get(1), m.get("1"), m.get(true), m.get(1n), m.get(1.0), m.has(false), m.has(0n));
m.set(0, "again");
console.log(m.size, m.get(-0));
