// Object.freeze makes properties read-only and the object non-extensible.
const o = Object.freeze({ a: 1, nested: { b: 2 } });
o.a = 2;
o.c = 3;
o.nested.b = 3;
console.log(o.a, o.c, o.nested.b, Object.isFrozen(o), Object.isFrozen(o.nested));
(function () {
  "use strict";
  try { o.a = 5; } catch (e) { console.log("strict write", e instanceof TypeError); }
  try { o.z = 5; } catch (e) { console.log("strict add", e instanceof TypeError); }
})();
