// getPrototypeOf / setPrototypeOf traps: Object.getPrototypeOf, instanceof, __proto__.
class Base {}
const fakeProto = Base.prototype;
const p = new Proxy({}, {
  getPrototypeOf() { return fakeProto; },
  setPrototypeOf(t, proto) { return proto === null; },
});
console.log(Object.getPrototypeOf(p) === fakeProto, p instanceof Base, Base.prototype.isPrototypeOf(p));
console.log(p.__proto__ === fakeProto);
console.log(Reflect.setPrototypeOf(p, null), Reflect.setPrototypeOf(p, {}));
try {
  Object.setPrototypeOf(p, Array.prototype);
} catch (e) {
  console.log(e.constructor.name);
}
try {
  Object.getPrototypeOf(new Proxy({}, { getPrototypeOf: () => 5 }));
} catch (e) {
  console.log(e.constructor.name);
}
// no trap: forwarded to the target
const t = {};
const q = new Proxy(t, {});
Object.setPrototypeOf(q, Base.prototype);
console.log(Object.getPrototypeOf(t) === Base.prototype, q instanceof Base);
