// Function.prototype.toString returns the source text.
function add(a, b) { return a + b; }
console.log(add.toString());
const arrow = (x) => x * 2;
console.log(String(arrow));
console.log(`${{ m(a) { return a; } }.m}`);
