// The arguments object: length, indexing, not an array, Array.from works.
function f() {
  return [arguments.length, typeof arguments, Array.isArray(arguments), Array.from(arguments).join("-")];
}
console.log(f().join(" "));
console.log(f(1, "a", null).join(" "));
function g() { return Object.prototype.toString.call(arguments); }
console.log(g());
const arrow = () => typeof arguments;
console.log(arrow());
