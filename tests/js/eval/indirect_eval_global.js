// indirect eval runs as global code: it cannot see locals, its vars become deletable globals
function m() { var hidden = 3; return (0, eval)("typeof hidden"); }
console.log(m());
(0, eval)("var gg = 7");
console.log(gg, Object.getOwnPropertyDescriptor(globalThis, "gg").configurable, delete globalThis.gg, typeof gg);
var geval = eval;
console.log(geval("this === globalThis"));
