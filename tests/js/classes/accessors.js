// Class getters and setters, static accessors and their descriptors.
class Rect {
  constructor(w, h) { this.w = w; this.h = h; }
  get area() { return this.w * this.h; }
  set width(v) { this.w = v; }
  static get unit() { return "px"; }
}
const r = new Rect(2, 3);
r.width = 10;
console.log(r.area, Rect.unit, "area" in r, Object.hasOwn(r, "area"));
const d = Object.getOwnPropertyDescriptor(Rect.prototype, "area");
console.log(typeof d.get, d.set, d.enumerable, d.configurable);
