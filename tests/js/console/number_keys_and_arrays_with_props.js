// Arrays with extra properties show them after the elements.
const a = [1, 2];
a.extra = "x";
console.log(a);
console.log({ 2: "b", 1: "a", z: "z" });
