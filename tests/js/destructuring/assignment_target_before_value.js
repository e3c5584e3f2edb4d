// In destructuring assignment a property target is evaluated before the iterator is stepped.
const log = [];
const iterable = { [Symbol.iterator]() { return { next() { log.push("next"); return { done: true }; }, return() { log.push("return"); return {}; } }; } };
const target = {};
try {
  [target[(() => { log.push("target"); throw new Error("boom"); })()]] = iterable;
} catch (e) { log.push(e.message); }
const src = { get a() { log.push("get a"); return 1; } };
({ a: target[(log.push("key"), "k")] } = src);
console.log(log.join(","), target.k);
