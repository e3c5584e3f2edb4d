// Using this before super() in a derived constructor throws ReferenceError.
class A {}
class B extends A { constructor() { this.x = 1; super(); } }
class C extends A { constructor() { } }
try { new B(); } catch (e) { console.log("B", e instanceof ReferenceError); }
try { new C(); } catch (e) { console.log("C", e instanceof ReferenceError); }
class D extends A { constructor() { return { custom: true }; } }
console.log(new D().custom);
