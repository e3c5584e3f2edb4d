// new.target in class constructors is the class named in the new expression.
class A { constructor() { this.target = new.target.name; } }
class B extends A {}
console.log(new A().target, new B().target);
class Abstract {
  constructor() { if (new.target === Abstract) throw new TypeError("abstract"); }
}
class Concrete extends Abstract {}
try { new Abstract(); } catch (e) { console.log(e.message); }
console.log(new Concrete() instanceof Abstract);
