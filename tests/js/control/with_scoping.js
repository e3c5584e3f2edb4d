// with: calls get the object as this, closures keep the object, typeof, unscopables, nesting.
var x = "global x";
const o = { x: "o.x", f() { return this === o; }, y: 1 };
with (o) {
  console.log(x, f(), typeof y, typeof nothere);
  var later = () => x;
  y = 2;
}
console.log(later(), o.y);
o.x = "changed";
console.log(later());
const arr = [1, 2, 3];
with (arr) { console.log(typeof values, length, typeof keys); }
const hide = { z: 1, [Symbol.unscopables]: { z: true } };
var z = "outer z";
with (hide) { console.log(z); }
with ({ a: 1 }) with ({ b: 2 }) { console.log(a + b); }
function inner() { with ({ q: "q" }) { return function () { return q; }; } }
console.log(inner()());
try { with (null) {} } catch (e) { console.log(e.constructor.name); }
with ({}) { var declared = 5; }
console.log(declared);
