// the legacy (globals, modules, options) form
const c = new Compartment({ a: 1 }, {}, { name: 'legacy' });
console.log(c.name, c.evaluate('a'));
console.log(new Compartment().name);
