// Parameters with expressions: body vars are a scope of their own, copied from the parameters.
var x = "outer";
function f(a, b = () => x) { var x = "inner"; return b(); }
console.log(f());
function g(a, b = () => a) { var a; console.log(a); a = 5; return [a, b()]; }
console.log(g(1));
function h(a = 1) { var arguments; return typeof arguments; }
console.log(h());
function k() { return typeof arguments; var arguments = 1; }
console.log(k());
