// Reading a let/const/class binding before its declaration throws ReferenceError.
function f() {
  try { x; } catch (e) { console.log("let", e instanceof ReferenceError); }
  let x = 1;
  try { C; } catch (e) { console.log("class", e instanceof ReferenceError); }
  class C {}
  return x;
}
console.log(f());
try {
  const y = y + 1;
} catch (e) { console.log("self", e instanceof ReferenceError); }
try { typeof z; let z; } catch (e) { console.log("typeof", e instanceof ReferenceError); }
