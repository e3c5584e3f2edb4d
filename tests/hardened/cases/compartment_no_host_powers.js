// a compartment does not get the host's console or timers
const c = new Compartment();
console.log(c.evaluate('typeof console'), c.evaluate('typeof setTimeout'), c.evaluate('typeof globalThis.process'));
