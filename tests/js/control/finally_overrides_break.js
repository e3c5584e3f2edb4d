// break/continue inside finally override pending returns and throws.
function f() {
  for (let i = 0; i < 3; i++) {
    try { return "from try " + i; } finally { if (i < 2) continue; }
  }
  return "after loop";
}
console.log(f());
function g() {
  while (true) {
    try { throw new Error("dropped"); } finally { break; }
  }
  return "break swallowed the throw";
}
console.log(g());
