// In sloppy functions with simple params, arguments is mapped to the parameters.
function f(a, b) {
  arguments[0] = "changed";
  b = "param";
  return [a, arguments[1], arguments.length];
}
console.log(f(1, 2).join(","));
function g(a) {
  a = 5;
  return arguments[0];
}
console.log(g(1), g());
