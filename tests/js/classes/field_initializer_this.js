// Field initializers run after super() returns, in the derived class.
class A {
  constructor() { this.log = ["A ctor sees b=" + this.b]; }
}
class B extends A {
  b = "field";
  constructor() { super(); this.log.push("after super b=" + this.b); }
}
console.log(new B().log.join("; "));
