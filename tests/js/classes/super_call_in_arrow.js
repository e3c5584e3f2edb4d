// super() called from arrow functions inside a derived constructor binds its `this`.
let count = 0;
class A { constructor(v) { count++; this.v = v; } }
class B extends A { constructor() { (_ => super(7))(); console.log(this.v, count); } }
new B();
class C extends A {
  x = 5;
  constructor() { super(1); this.af = () => super(2); }
}
const c = new C();
try { c.af(); } catch (e) { console.log(e.constructor.name, count); }
console.log(c.x, c.v);
class D extends A { constructor() { const f = () => () => super(3); f()(); console.log(this.v); } }
new D();
class E extends A { constructor() { const f = () => super(4); super(5); try { f(); } catch (e) { console.log(e.constructor.name, this.v); } } }
new E();
class F extends A { y = 9; constructor() { const f = () => { super(6); return this; }; const t = f(); console.log(t === this, this.y, super.constructor === A); } }
new F();
class G extends A { constructor() { if (false) (() => super())(); } }
try { new G(); } catch (e) { console.log(e.constructor.name); }
class H extends A { constructor() { const f = (...a) => super(...a); f(8, 9); console.log(this.v); } }
new H();
