// Private names are lexically scoped per class: two classes may use the same name.
class A { #v = "A"; static get(o) { return o.#v; } }
class B { #v = "B"; static get(o) { return o.#v; } }
const a = new A();
console.log(A.get(a), B.get(new B()));
try { B.get(a); } catch (e) { console.log(e instanceof TypeError); }
