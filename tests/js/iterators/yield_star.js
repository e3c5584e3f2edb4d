// yield* delegates to another iterable and returns its return value.
function* inner() { yield "a"; yield "b"; return "inner done"; }
function* outer() {
  const r = yield* inner();
  yield r;
  yield* [1, 2];
  yield* "xy";
}
console.log([...outer()].join(","));
