// The catch parameter is block-scoped; var in catch goes to the function.
function f() {
  try { throw 1; } catch (err) { var inCatch = err + 1; }
  return [typeof err, inCatch];
}
console.log(f().join(","));
try { throw { a: 1, b: 2 }; } catch ({ a, b }) { console.log(a + b); }
