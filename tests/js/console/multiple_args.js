// Multiple arguments are joined with single spaces; no arguments prints an empty line.
console.log("a", "b", 1, 2);
console.log();
console.log("after empty line");
console.log("", "");
console.log("x", "");
