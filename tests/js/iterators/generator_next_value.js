// Values passed to next() become the result of the paused yield.
function* conv() {
  const a = yield "first";
  const b = yield `got ${a}`;
  return `sum ${a + b}`;
}
const g = conv();
console.log(g.next("ignored").value, g.next(10).value, g.next(32).value, g.next().done);
