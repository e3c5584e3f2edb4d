// var declarations are hoisted as undefined; redeclaration keeps the value.
console.log(x, typeof x);
var x = 5;
console.log(x);
var x;
console.log(x);
function f() {
  console.log(y);
  if (false) { var y = 1; }
  return y;
}
console.log(f());
