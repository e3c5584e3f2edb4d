// Maps spread to entry arrays and destructure in for-of; Array.from takes a map.
const m = new Map([["x", 1], ["y", 2]]);
console.log([...m], Array.from(m.values()), Array.from(m, ([k, v]) => k.repeat(v)));
for (const [key, value] of m) console.log(key, value);
const [[firstKey]] = m;
console.log(firstKey, Object.fromEntries(m), new Map(Object.entries({ z: 3 })).get("z"));
