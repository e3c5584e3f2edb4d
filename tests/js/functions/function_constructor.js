// The Function constructor compiles code in the global scope.
const add = new Function("a", "b", "return a + b");
console.log(add(2, 3), add.length, typeof add);
const x = "local";
globalThis.x2 = "global";
console.log(Function("return typeof x2")());
console.log(Function("a, b", "c", "return a + b + c")(1, 2, 3));
