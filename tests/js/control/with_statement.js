// with statement (sloppy mode) resolves names against an object first.
const o = { a: 1, b: 2 };
let a = "outer a", c = "outer c";
with (o) {
  console.log(a, b, c);
  a = 10;
}
console.log(o.a, a);
