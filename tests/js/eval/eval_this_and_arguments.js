// eval code sees the caller's this and arguments
function n() { var o = { v: 9, m() { return eval("this.v"); } }; return o.m(); }
console.log(n());
const arrow = () => eval("this === globalThis");
console.log(arrow());
function args() { return eval("arguments.length + arguments[0]"); }
console.log(args(10, 2, 3));
