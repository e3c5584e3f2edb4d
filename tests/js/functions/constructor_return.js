// A constructor returning an object replaces this; returning a primitive does not.
function A() { this.a = 1; return { b: 2 }; }
function B() { this.a = 1; return 5; }
function C() { this.a = 1; return null; }
const show = (o) => Object.keys(o).map((k) => k + "=" + o[k]).join();
console.log(show(new A()), show(new B()), show(new C()), new B() instanceof B);
