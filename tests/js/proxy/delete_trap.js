// The deleteProperty trap: its boolean answer, and strict-mode failure.
const target = { a: 1, b: 2, keep: 3 };
const calls = [];
const p = new Proxy(target, {
  deleteProperty(t, key) {
    calls.push(key);
    if (key === "keep") return false;
    return delete t[key];
  },
});
console.log(delete p.a, delete p.keep, Reflect.deleteProperty(p, "b"), calls);
console.log(Object.keys(target));
(function () {
  "use strict";
  try {
    delete p.keep;
  } catch (e) {
    console.log(e.constructor.name);
  }
})();
