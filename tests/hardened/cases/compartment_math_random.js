// after lockdown, Math.random in a new compartment throws; Math is a separate object
lockdown();
const c = new Compartment();
try { c.evaluate('Math.random()'); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(c.globalThis.Math === Math, c.evaluate('Math.PI') === Math.PI, c.evaluate('Math.max(1, 3)'));
console.log(c.evaluate('Object.isFrozen(Math)'), c.evaluate('Object.getPrototypeOf(Math) === Object.prototype'));
