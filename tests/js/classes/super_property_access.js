// super.prop reads from the parent prototype with this as receiver; super.x = v sets on this.
class A { get who() { return "A sees " + this.tag; } }
class B extends A {
  tag = "b-instance";
  test() {
    const read = super.who;
    super.assigned = 5;
    return [read, this.assigned, Object.hasOwn(this, "assigned")];
  }
}
console.log(new B().test().join(" | "));
const base = { greet() { return "base"; } };
const obj = { __proto__: base, greet() { return super.greet() + "+obj"; } };
console.log(obj.greet());
