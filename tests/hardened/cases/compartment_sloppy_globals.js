// sloppyGlobalsMode: assigning an undeclared name creates a global property
const c = new Compartment();
console.log(c.evaluate('b = 2', { sloppyGlobalsMode: true }), c.globalThis.b);
console.log(c.evaluate('typeof nope; nope', { sloppyGlobalsMode: true }));
const f = c.evaluate('(function () { qq = 7; })', { sloppyGlobalsMode: true });
f();
console.log(c.globalThis.qq);
console.log(c.evaluate('(function () { return this; })()', { sloppyGlobalsMode: true }));
