// Typed arrays iterate like arrays: for-of, spread, keys/values/entries.
const t = new Uint16Array([10, 20, 30]);
for (const v of t) console.log(v);
console.log([...t.keys()], [...t.values()], [...t.entries()], [...t]);
const [first, ...rest] = t;
console.log(first, rest, Math.max(...t), t[Symbol.iterator] === t.values);
console.log(Object.prototype.toString.call(t.values()));
