// Objects with a null prototype have no inherited methods.
const o = Object.create(null);
o.a = 1;
console.log(typeof o.toString, "a" in o, Object.keys(o).join());
console.log(Object.getPrototypeOf(o));
try { String(o); } catch (e) { console.log(e instanceof TypeError); }
const lit = { __proto__: null, b: 2 };
console.log(Object.getPrototypeOf(lit), lit.b);
