// Default parameters: evaluated per call, see earlier params, triggered by undefined only.
function f(a, b = a * 2, c = [a, b]) { return [a, b, c.join("/")].join(" "); }
console.log(f(1), f(1, 5), f(1, undefined, [9]), f(1, null));
let count = 0;
function g(x = ++count) { return x; }
console.log(g(), g(), g(10), count);
console.log(f.length, g.length, ((a, b = 1, c) => 0).length);
