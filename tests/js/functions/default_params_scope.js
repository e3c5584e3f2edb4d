// Default parameter expressions live in their own scope, separate from the body's vars.
const x = "outer";
function f(a = () => x) {
  var x = "inner";
  return a();
}
console.log(f());
function g(a, b = () => a) {
  a = 2;
  return b();
}
console.log(g(1));
