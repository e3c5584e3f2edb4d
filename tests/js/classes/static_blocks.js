// Static initialization blocks run once in order with fields, with this = the class.
const log = [];
class C {
  static a = (log.push("field a"), 1);
  static { log.push("block 1, a=" + this.a); this.b = this.a + 1; }
  static c = (log.push("field c"), this.b * 10);
  static { log.push("block 2, c=" + C.c); }
}
console.log(log.join("; "), C.b, C.c);
