// Direct eval sees and extends the caller's scope; indirect eval uses the global scope.
var g = "global";
function f() {
  var g = "local";
  eval("var injected = 1");
  const direct = eval("g");
  const indirect = (0, eval)("g");
  return [direct, indirect, typeof injected];
}
console.log(f().join(" "));
function s() { "use strict"; eval("var inner = 1"); return typeof inner; }
console.log(s());
