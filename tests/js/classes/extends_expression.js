// The extends clause accepts any expression, including null and mixins.
const Mixin = (Base) => class extends Base { mixed() { return "mixed"; } };
class Base { base() { return "base"; } }
class C extends Mixin(Base) {}
const c = new C();
console.log(c.mixed(), c.base());
class N extends null {}
console.log(Object.getPrototypeOf(N.prototype));
try { class X extends 5 {} } catch (e) { console.log(e instanceof TypeError); }
