// An arrow made in a derived constructor before super() sees `this` once super() ran.
class A { constructor() { this.a = 1; } }
class B extends A {
  constructor() {
    const early = () => this;
    try { early(); } catch (e) { console.log(e instanceof ReferenceError); }
    super();
    console.log(early() === this, early().a);
  }
}
new B();
