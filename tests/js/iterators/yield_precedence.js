// yield in expressions: as an argument, in arrays and with the comma operator.
function* g() {
  const arr = [yield 1, yield 2];
  console.log("arr", arr.join());
  const sum = (yield 3) + (yield 4);
  console.log("sum", sum);
}
const it = g();
let r = it.next();
let n = 100;
while (!r.done) r = it.next(n++);
