// Public instance fields are initialized in order, with this bound to the instance.
let order = [];
class C {
  a = (order.push("a"), 1);
  b = this.a + 1;
  ["comp" + "uted"] = "c";
  noInit;
  constructor() { order.push("ctor"); }
}
const c = new C();
console.log(c.a, c.b, c.computed, "noInit" in c, c.noInit, order.join());
console.log(Object.keys(c).join());
