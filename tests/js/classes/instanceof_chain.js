// instanceof with classes across several levels and Symbol.hasInstance default.
class A {}
class B extends A {}
class C extends B {}
const c = new C();
console.log(c instanceof A, c instanceof B, new A() instanceof C);
console.log(A[Symbol.hasInstance](c), Function.prototype[Symbol.hasInstance].call(B, new A()));
