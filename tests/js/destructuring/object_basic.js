// Object destructuring: renaming, defaults, missing properties.
const { a, b: renamed, c = "default", d: { e } = { e: "nested default" } } = { a: 1, b: 2 };
console.log(a, renamed, c, e);
const { length } = "hello";
console.log(length);
