// Closures: functions created in loops, captured counters and composed functions.
// expect: 28000 48
function makeCounter(step) {
  var n = 0;
  return function () { n += step; return n; };
}
function compose(f, g) {
  return function (x) { return f(g(x)); };
}
function adder(k) { return function (x) { return x + k; }; }

var total = 0;
for (var round = 0; round < 200; round++) {
  var counter = makeCounter(round % 5);
  var f = compose(adder(1), compose(adder(2), adder(-3)));
  for (var i = 0; i < 40; i++) {
    total = (total + f(counter())) % 100000;
  }
}
var chain = function (x) { return x; };
for (var c = 0; c < 48; c++) chain = compose(adder(1), chain);
var result = total + " " + chain(0);
console.log(result);
