// Object.defineProperty defaults every attribute to false.
const o = {};
Object.defineProperty(o, "x", { value: 1 });
const d = Object.getOwnPropertyDescriptor(o, "x");
console.log(d.value, d.writable, d.enumerable, d.configurable);
o.x = 2;
console.log(o.x, Object.keys(o).length);
try { Object.defineProperty(o, "x", { value: 3 }); } catch (e) { console.log(e instanceof TypeError); }
Object.defineProperty(o, "x", { value: 1 });
console.log("same value redefinition is allowed");
