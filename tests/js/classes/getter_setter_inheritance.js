// Overriding only the getter replaces the whole accessor: the inherited setter is hidden.
class A {
  get v() { return "A.get"; }
  set v(x) { this.setBy = "A.set"; }
}
class B extends A {
  get v() { return "B.get/" + super.v; }
}
const b = new B();
b.v = 1;
console.log(b.v, b.setBy);
