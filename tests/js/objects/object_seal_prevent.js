// Object.seal and Object.preventExtensions.
const s = Object.seal({ a: 1 });
s.a = 2; s.b = 3; delete s.a;
console.log(s.a, s.b, Object.isSealed(s), Object.isExtensible(s));
const p = Object.preventExtensions({ a: 1 });
p.b = 2; delete p.a;
console.log(p.a, p.b, Object.isExtensible(p), Object.isSealed(p));
