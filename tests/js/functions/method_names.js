// Function names of methods, accessors and computed keys; super in object literals.
class A { get x() { return 1; } static set y(v) {} ["a" + "b"]() {} static [Symbol.iterator]() {} #p() {} static get #q() { return 1; } }
const d = (o, k) => Object.getOwnPropertyDescriptor(o, k);
console.log(d(A.prototype, "x").get.name, d(A, "y").set.name, A.prototype.ab.name, A[Symbol.iterator].name);
const o = { get x() { return 1; }, [Symbol("s")]: function () {}, ["k"]: class {}, f: function () {} };
console.log(d(o, "x").get.name, o.k.name, o.f.name, Object.getOwnPropertySymbols(o).map(s => o[s].name));
const base = { hi() { return "base hi"; } };
const derived = { __proto__: base, hi() { return super.hi() + " via derived"; } };
console.log(derived.hi(), Object.keys(derived));
console.log(A.prototype.ab.toString(), String(d(A, "y").set));
