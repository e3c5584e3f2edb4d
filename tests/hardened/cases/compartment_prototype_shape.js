// Compartment.prototype has the ses members, and a toStringTag
console.log(Object.getOwnPropertyNames(Compartment.prototype).join());
const c = new Compartment();
console.log(String(c), Object.prototype.toString.call(c), typeof c.evaluate);
try { new Compartment.prototype.constructor(); } catch (e) { console.log(e.constructor.name, e.message); }
