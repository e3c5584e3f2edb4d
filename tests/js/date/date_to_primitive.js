// Dates convert to strings for + and template literals, to numbers for - and unary +.
const d = new Date(Date.UTC(2020, 0, 1));
console.log(+d, d - 0, d * 1, typeof (d + 1), (d + 1) === d.toString() + "1", d > new Date(0));
console.log(d[Symbol.toPrimitive]("number"), d[Symbol.toPrimitive]("default") === String(d));
try { d[Symbol.toPrimitive]("other"); } catch (e) { console.log(e.constructor.name, e.message); }
try { Date.prototype[Symbol.toPrimitive].call(1, "number"); } catch (e) { console.log(e.constructor.name); }
const desc = Object.getOwnPropertyDescriptor(Date.prototype, Symbol.toPrimitive);
console.log(desc.writable, desc.enumerable, desc.configurable, desc.value.name, desc.value.length);
console.log(d == d.toString(), JSON.stringify([d]));
