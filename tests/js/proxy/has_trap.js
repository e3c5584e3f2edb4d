// The has trap answers `in`, `with` lookups and Reflect.has.
const p = new Proxy({ real: 1 }, {
  has(t, key) {
    return key === "ghost" || key in t;
  },
});
console.log("ghost" in p, "real" in p, "nothing" in p, Reflect.has(p, "ghost"));
const inherited = Object.create(p);
console.log("ghost" in inherited);
const scope = new Proxy({}, {
  has(t, key) { return key === "magic"; },
  get(t, key) { return key === Symbol.unscopables ? undefined : `value of ${String(key)}`; },
});
with (scope) {
  console.log(magic);
  console.log(typeof console);
}
