// Array literals, length, trailing commas and indexing out of range.
const a = [1, "two", [3], { four: 4 },];
console.log(a.length, a[0], a[1], a[2][0], a[3].four, a[10]);
console.log([].length, [,].length, [, ,].length, [1, , 3].length);
