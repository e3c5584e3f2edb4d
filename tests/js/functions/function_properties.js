// Function name and length, including inferred names.
function named(a, b) {}
const anon = function () {};
const arrow = (x) => x;
const obj = { method() {}, ["comp" + "uted"]: () => 0, get g() { return 1; } };
console.log(named.name, named.length, anon.name, arrow.name, arrow.length);
console.log(obj.method.name, obj.computed.name);
console.log(Object.getOwnPropertyDescriptor(obj, "g").get.name);
console.log((function () {}).name === "", (() => {}).name === "");
