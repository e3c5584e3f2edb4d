// Field initialisers run after super() has bound `this`, even for arrows reading it.
let probe;
class Base { constructor() { try { probe(); } catch (e) { console.log("in base:", e.constructor.name); } } }
class C extends Base {
  field = (this.seen = probe() === this);
  constructor() {
    probe = () => this;
    super();
    console.log(this.seen, this.field);
  }
}
new C();
for (let i = 0; i < 100; i++) new C();
