// A default may refer to earlier bindings of the same pattern but not later ones.
const { a = 1, b = a * 2 } = {};
console.log(a, b);
try { const { c = d, d = 1 } = {}; } catch (e) { console.log(e instanceof ReferenceError); }
