// WeakMap set/get/has/delete with object and non-registered symbol keys.
const wm = new WeakMap();
const k1 = {}, k2 = function () {}, sym = Symbol("local");
console.log(wm.set(k1, "one") === wm, wm.set(k2, 2).get(k2), wm.get(k1), wm.get({}));
wm.set(sym, "symbol");
console.log(wm.has(sym), wm.get(sym), wm.delete(k1), wm.delete(k1), wm.has(k1));
console.log(wm.get(1), wm.has("x"), wm.delete(null));
const pre = new WeakMap([[k1, 1], [k2, 2]]);
console.log(pre.get(k1) + pre.get(k2));
