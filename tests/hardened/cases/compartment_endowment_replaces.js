// an endowment named like a global replaces it in that compartment only
const c = new Compartment({ __options__: true, globals: { Array: 'not an array' } });
console.log(c.evaluate('Array'), typeof Array);
