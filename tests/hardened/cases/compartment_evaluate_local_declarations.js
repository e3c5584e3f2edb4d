// declarations of one evaluate call stay local to that call
const c = new Compartment();
console.log(c.evaluate('var v = 1; let l = 2; const k = 3; function f() {} class K {} v + l + k'));
console.log(c.evaluate('typeof v + typeof l + typeof k + typeof f + typeof K'));
console.log('v' in c.globalThis, 'f' in c.globalThis);
