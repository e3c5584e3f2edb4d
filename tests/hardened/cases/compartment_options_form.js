// the options-bag form: name and globals
const c = new Compartment({ __options__: true, name: 'bag', globals: { x: 40 } });
console.log(c.name, c.evaluate('x + 2'));
