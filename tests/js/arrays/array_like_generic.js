// Array methods are generic: they work on array-like objects through call.
const like = { 0: "a", 1: "b", length: 2 };
console.log(Array.prototype.join.call(like, "+"), Array.prototype.map.call(like, (x) => x.toUpperCase()).join());
Array.prototype.push.call(like, "c");
console.log(like.length, like[2]);
console.log(Array.prototype.slice.call("xyz").join());
