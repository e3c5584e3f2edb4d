// declarations of one evaluate call stay local: neither later calls nor the host see them
const c = new Compartment();
c.evaluate('let leak = 1; const alsoLeak = 2; var v = 3; function fn() {} class K {}');
const seen = c.evaluate('[typeof leak, typeof alsoLeak, typeof v, typeof fn, typeof K].join()');
console.log(seen === 'undefined,undefined,undefined,undefined,undefined' && typeof leak === 'undefined' ? 'contained' : 'ESCAPED ' + seen);
