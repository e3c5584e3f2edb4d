// A proxy of a constructor is constructable; the construct trap gets newTarget.
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
}
const P = new Proxy(Point, {
  construct(target, args, newTarget) {
    console.log(args, newTarget === P);
    return Reflect.construct(target, args.map((v) => v * 2), newTarget);
  },
});
const pt = new P(1, 2);
console.log(pt.x, pt.y, pt instanceof Point);
// extending a proxied class: super() goes through the construct trap
class Point3 extends P {
  constructor(x, y, z) { super(x, y); this.z = z; }
}
const p3 = new Point3(1, 1, 1);
console.log(p3.x, p3.z, p3 instanceof Point3, p3 instanceof Point);
// no trap: new.target is still the proxy
const Q = new Proxy(function Q() { this.nt = new.target; }, {});
console.log(new Q().nt === Q);
// arrows are callable but not constructors, and so are their proxies
const arrow = new Proxy(() => 1, {});
try {
  new arrow();
} catch (e) {
  console.log(e.constructor.name);
}
try {
  new (new Proxy(Point, { construct() { return 1; } }))();
} catch (e) {
  console.log(e.constructor.name);
}
