// __proto__ in an object literal sets the prototype; computed __proto__ does not.
const proto = { p: 1 };
const a = { __proto__: proto };
const b = { ["__proto__"]: proto };
console.log(a.p, Object.getPrototypeOf(a) === proto, Object.keys(a).length);
console.log(b.p, Object.getPrototypeOf(b) === Object.prototype, Object.keys(b).join());
