// objects made in one compartment are instances of the shared constructors everywhere
lockdown();
const a = new Compartment();
const b = new Compartment();
const arr = a.evaluate('[1, 2]');
console.log(arr instanceof Array, b.evaluate('(x) => x instanceof Array')(arr), Array.isArray(arr));
console.log(a.globalThis.Object === b.globalThis.Object, a.evaluate('Object.prototype') === Object.prototype);
console.log(b.evaluate('(e) => e instanceof TypeError')(a.evaluate('new TypeError("t")')));
