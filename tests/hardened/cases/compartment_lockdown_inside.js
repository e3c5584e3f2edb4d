// a compartment has lockdown; calling it after the host's lockdown throws
lockdown();
const c = new Compartment();
console.log(c.evaluate('typeof lockdown'));
try { c.evaluate('lockdown()'); } catch (e) { console.log(e.constructor.name, e.message); }
