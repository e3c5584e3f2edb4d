// super.x = v runs setters with this as receiver, delete super.x throws, a null home prototype throws.
class P { set x(v) { console.log("setter", v, this.tag); } get y() { return 10; } }
class C extends P {
  constructor() { super(); this.tag = "c"; }
  m() { super.x = 1; super["x"] = 2; super.z = 5; console.log(this.z); }
  d() { try { delete super.x; } catch (e) { console.log(e.name); } }
}
new C().m(); new C().d();
var o = { m() { super.q = 3; return this.q; } };
console.log(o.m());
class N { static m() { super.x = 1; } }
Object.setPrototypeOf(N, null);
try { N.m(); } catch (e) { console.log(e.name); }
var obj = { p: 1 };
var k = "p";
var count = 0;
[obj[(count++, k)]] = [7];
console.log(obj.p, count);
