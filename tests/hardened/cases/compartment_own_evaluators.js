// each compartment has its own eval and Function, compiling into it
const c = new Compartment({ __options__: true, globals: { x: 'inside' } });
globalThis.x = 'outside';
console.log(c.globalThis.eval === eval, c.globalThis.Function === Function);
console.log(c.evaluate('(0, eval)("x")'), c.evaluate('Function("return x")()'), c.evaluate('new Function("return x")()'));
console.log(c.evaluate('Object.getPrototypeOf(Function) === Function.prototype'), c.evaluate('Function.prototype.constructor === Function'));
console.log(c.evaluate('Function("return this")()') === c.globalThis);
