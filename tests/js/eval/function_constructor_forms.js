// new Function: parameters and body as strings, compiled as global code
var F = new Function("a", "b", "return a * b");
console.log(F(6, 7), F.name, F.length);
console.log(Function("return typeof this")());
var local = 1;
function scope() { var local = 2; return Function("return local")(); }
console.log(scope());
try { Function("a", "}, function(){"); } catch (e) { console.log(e.name); }
console.log(String(new Function("x", "y", "return x")));
