// super(...) in derived constructors and super.method() calls.
class A {
  constructor(x) { this.x = x; }
  hello() { return "A.hello " + this.x; }
  static make() { return "A.make"; }
}
class B extends A {
  constructor(x, y) { super(x * 2); this.y = y; }
  hello() { return super.hello() + " & B.hello " + this.y; }
  static make() { return super.make() + " via B"; }
}
console.log(new B(1, 2).hello(), B.make());
