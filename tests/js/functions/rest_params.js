// Rest parameters collect the remaining arguments into a real array.
function f(first, ...rest) { return [first, rest.length, Array.isArray(rest), rest.join("+")]; }
console.log(f(1).join(" "));
console.log(f(1, 2, 3).join(" "));
const g = (...all) => all.reduce((a, b) => a + b, 0);
console.log(g(), g(1, 2, 3, 4), g.length, f.length);
