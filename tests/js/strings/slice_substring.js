// slice, substring and substr with negative and swapped arguments.
const s = "JavaScript";
console.log(s.slice(4), s.slice(-6, -3), s.slice(5, 2) === "", s.substring(5, 2), s.substring(-3, 4));
console.log(s.substr(1, 3), s.substr(-6, 2), s.slice(), s.substring(NaN, 2));
