// Assigning to an undeclared name in sloppy mode creates a global; in strict mode it throws.
function sloppy() { undeclared1 = 1; }
sloppy();
console.log(undeclared1, globalThis.undeclared1);
function strict() { "use strict"; undeclared2 = 2; }
try {
  strict();
} catch (e) {
  console.log(e.name, e instanceof ReferenceError);
}
console.log(typeof undeclared2);
