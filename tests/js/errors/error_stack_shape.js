// The stack string starts with the error's toString.
function thrower() { throw new TypeError("with stack"); }
try { thrower(); } catch (e) {
  const first = e.stack.split("\n")[0];
  console.log(first, e.stack.includes("thrower"));
}
