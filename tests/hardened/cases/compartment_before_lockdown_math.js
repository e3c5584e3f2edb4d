// a compartment made before lockdown keeps the start compartment's Math
const c = new Compartment();
lockdown();
console.log(c.globalThis.Math === Math, typeof c.evaluate('Math.random()'));
