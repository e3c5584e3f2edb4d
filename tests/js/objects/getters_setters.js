// Accessor properties in literals: get/set pairs, getter-only and setter-only.
const o = {
  _v: 1,
  get v() { return this._v * 10; },
  set v(n) { this._v = n; },
  get only() { return "ro"; },
  set wo(n) { this._w = n; },
};
console.log(o.v);
o.v = 5;
console.log(o.v, o._v);
o.only = "ignored";
console.log(o.only, o.wo);
o.wo = 3;
console.log(o._w);
