// A static method or accessor named like a built-in property replaces it in place.
class A { static method() {} static name() {} }
class B { static length() {} static m() {} }
class C { static get name() { return 1; } }
class D { static set length(v) {} }
console.log(Object.getOwnPropertyNames(A), Object.getOwnPropertyNames(B), Object.getOwnPropertyNames(C), Object.getOwnPropertyNames(D));
var o = { get a() { return 1; }, b: 2, set a(v) {} };
console.log(Object.keys(o));
