// globalThis is the compartment's own global object, not frozen, not the host's
const c = new Compartment();
console.log(c.globalThis === globalThis, c.evaluate('globalThis') === c.globalThis, c.evaluate('this') === c.globalThis);
console.log(Object.isFrozen(c.globalThis), c.globalThis.globalThis === c.globalThis);
