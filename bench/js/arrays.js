// Arrays with callbacks: map, filter, reduce, forEach and sort with a comparator.
// expect: 638520 0 1007
var data = [];
for (var i = 0; i < 2000; i++) data.push((i * 7919) % 1009);
var total = 0;
for (var round = 0; round < 4; round++) {
  var squares = data.map(function (x) { return x * x; });
  var odd = squares.filter(function (x) { return x % 2 === 1; });
  var sum = odd.reduce(function (a, b) { return (a + b) % 1000003; }, 0);
  var count = 0;
  data.forEach(function (x) { if (x > 500) count++; });
  total = (total + sum + count) % 1000003;
}
var sorted = data.slice(0, 600).sort(function (a, b) { return a - b; });
var result = total + " " + sorted[0] + " " + sorted[599];
console.log(result);
