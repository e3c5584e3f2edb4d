// The set trap: receiver, the boolean result, strict-mode failure, inherited setters.
"use strict";
const log = [];
const target = {};
const p = new Proxy(target, {
  set(t, key, value, receiver) {
    log.push(`${key}=${value} ${receiver === p}`);
    if (key === "readonly") return false;
    t[key] = value * 2;
    return true;
  },
});
p.x = 1;
console.log(target.x, log);
try {
  p.readonly = 5;
} catch (e) {
  console.log(e.constructor.name, "readonly" in target);
}
console.log(Reflect.set(p, "readonly", 1), Reflect.set(p, "y", 3), target.y);
// no trap: the target's own setter runs with the proxy as receiver
const withSetter = { set v(x) { this.stored = x; } };
const q = new Proxy(withSetter, {});
q.v = 7;
console.log(withSetter.stored);
// inheriting from a proxy: assignment asks the proxy's set trap with the child as receiver
const parent = new Proxy({}, { set(t, k, v, r) { log.push(`parent ${k} ${r === kid}`); return Reflect.set(t, k, v, r); } });
const kid = Object.create(parent);
kid.z = 9;
console.log(Object.keys(kid), log.at(-1));
