// Errors are printed through their name and message, not their stack.
try { null.x; } catch (e) { console.log(e.name, e instanceof TypeError); }
const e = new RangeError("out of range");
console.log(`${e}`);
console.log("message:", e.message);
