// Arrays print with spaces inside brackets; strings inside are single-quoted.
console.log([1, 2, 3]);
console.log([]);
console.log(["a", "b"]);
console.log([1, "two", null, undefined, true]);
console.log([[1, 2], [3, [4, [5]]]]);
