// yield* forwards next() arguments and return() to the inner generator.
function* inner() {
  try { const x = yield 1; console.log("inner got", x); yield 2; } finally { console.log("inner finally"); }
}
function* outer() { yield* inner(); yield "after"; }
const it = outer();
it.next();
it.next("hello");
console.log(it.return("stop").value);
