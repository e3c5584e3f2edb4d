// Operands are evaluated left to right, even when the right side has side effects.
const log = [];
const t = (v, name) => { log.push(name); return v; };
const r = t(1, "a") + t(2, "b") * t(3, "c");
const o = { k: 0 };
t(o, "obj")[t("k", "key")] = t(9, "value");
console.log(r, o.k, log.join());
