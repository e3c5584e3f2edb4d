// a compartment can make compartments with its own Compartment constructor
const c = new Compartment({ __options__: true, globals: { x: 'outer' } });
console.log(c.globalThis.Compartment === Compartment);
const inner = c.evaluate('new Compartment({ __options__: true, name: "inner", globals: { y: typeof x } })');
console.log(inner.name, inner.evaluate('y'), inner.evaluate('typeof x'));
console.log(Object.getPrototypeOf(inner) === Compartment.prototype);
