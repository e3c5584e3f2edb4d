// Computed method names and Symbol.iterator methods in classes.
const name = "dyn";
class C {
  [name + "Method"]() { return "dynamic"; }
  *[Symbol.iterator]() { yield 1; yield 2; }
  static ["s" + 1]() { return "static computed"; }
}
console.log(new C().dynMethod(), [...new C()].join(), C.s1());
