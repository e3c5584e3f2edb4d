// Accessing a private member on an object without it throws TypeError.
class A {
  #x = 1;
  static read(o) { return o.#x; }
  #m() { return "m"; }
  static call(o) { return o.#m(); }
}
console.log(A.read(new A()), A.call(new A()));
for (const f of [() => A.read({}), () => A.call({})]) {
  try { f(); } catch (e) { console.log(e instanceof TypeError); }
}
