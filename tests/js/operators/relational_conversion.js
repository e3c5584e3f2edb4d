// < and > call valueOf on objects in left-to-right order.
const log = [];
const a = { valueOf() { log.push("a"); return 1; } };
const b = { valueOf() { log.push("b"); return 2; } };
console.log(a < b, b > a, a >= b);
console.log(log.join(""));
