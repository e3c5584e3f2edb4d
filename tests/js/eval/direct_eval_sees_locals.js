// direct eval reads the caller's parameters and locals
function f(a) { var b = 2; let c = 3; return eval("a + b + c"); }
console.log(f(40));
