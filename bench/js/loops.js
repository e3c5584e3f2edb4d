// Numeric loops: nested counting loops with integer and floating-point arithmetic.
// expect: 760717 2.0561
var acc = 0;
for (var i = 0; i < 200; i++) {
  for (var j = 0; j < 100; j++) {
    acc = (acc * 31 + i * j + (i ^ j)) % 1000003;
  }
}
var x = 0;
for (var k = 1; k < 20000; k++) {
  x += 1 / (k * k) - (k % 2 === 0 ? 0.5 : -0.5) / k / k;
}
var result = acc + " " + x.toFixed(4);
console.log(result);
