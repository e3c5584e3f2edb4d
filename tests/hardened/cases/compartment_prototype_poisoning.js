// after lockdown one compartment cannot poison a prototype another one sees
lockdown();
const a = new Compartment();
const b = new Compartment();
try { a.evaluate('Array.prototype.map = () => "poisoned"'); } catch (e) { console.log(e.constructor.name); }
console.log(b.evaluate('[1, 2].map(x => x * 2).join()'));
