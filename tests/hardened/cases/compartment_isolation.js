// globals of one compartment are not seen by another or by the host
const a = new Compartment();
const b = new Compartment();
a.evaluate('globalThis.shared = 1');
console.log(b.evaluate('typeof shared'), typeof shared, a.evaluate('shared'));
