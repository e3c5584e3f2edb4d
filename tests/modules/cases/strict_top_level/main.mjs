// Module code is strict and its top-level `this` is undefined.
console.log(this, typeof this, (() => this)());
try {
  undeclared = 1;
} catch (e) {
  console.log(e.name);
}
var topVar = 1;
console.log(globalThis.topVar, typeof topVar);
function f() { return this; }
console.log(f());
