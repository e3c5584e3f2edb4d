// endowments become enumerable, writable global properties of the compartment
let seen = 0;
const c = new Compartment({ __options__: true, globals: { log: v => { seen = v; }, n: 1 } });
c.evaluate('log(n + 1)');
console.log(seen);
const d = Object.getOwnPropertyDescriptor(c.globalThis, 'n');
console.log(d.enumerable, d.writable, d.configurable);
c.evaluate('n = 5');
console.log(c.globalThis.n);
