// Function declarations are hoisted with their bodies; function expressions are not.
console.log(declared());
function declared() { return "declared works"; }
try {
  expr();
} catch (e) {
  console.log(e instanceof TypeError);
}
var expr = function () {};
function dup() { return 1; }
function dup() { return 2; }
console.log(dup());
