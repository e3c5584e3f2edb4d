// Top-level var and function declarations become properties of the global object.
var gv = 1;
let gl = 2;
function gf() {}
console.log(globalThis.gv, globalThis.gl, typeof globalThis.gf);
console.log(this === globalThis, "gv" in globalThis, "gl" in globalThis);
globalThis.implicit = 3;
console.log(implicit);
