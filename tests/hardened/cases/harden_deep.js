// harden freezes transitively through property values
lockdown();
const o = harden({ a: { b: [1, { c: 2 }] } });
console.log(Object.isFrozen(o), Object.isFrozen(o.a), Object.isFrozen(o.a.b), Object.isFrozen(o.a.b[1]));
