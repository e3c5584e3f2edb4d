// An error's stack names the functions it was created in, innermost first.
function inner() { return new Error("here"); }
function outer() { return inner(); }
const lines = outer().stack.split("\n");
console.log(lines[0], lines[1].includes("inner"), lines[2].includes("outer"));
