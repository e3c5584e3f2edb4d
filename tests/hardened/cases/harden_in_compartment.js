// a compartment made after lockdown has harden, and it is the same function
lockdown();
const c = new Compartment();
console.log(c.evaluate('typeof harden'), c.globalThis.harden === harden);
console.log(c.evaluate('const o = harden({ a: {} }); Object.isFrozen(o.a)'));
