// A Map subclass: new.target's prototype is used and the constructor adds entries with this.set.
class CountingMap extends Map {
  constructor(entries) { super(entries); this.label = "counted"; }
  set(key, value) { CountingMap.calls = (CountingMap.calls || 0) + 1; return super.set(key, value * 10); }
}
const m = new CountingMap([["a", 1], ["b", 2]]);
console.log(m.get("a"), m.get("b"), CountingMap.calls, m instanceof Map, m.label);
console.log(Object.getPrototypeOf(m) === CountingMap.prototype, m.size);
const r = Reflect.construct(Map, [], Object);
console.log(Object.getPrototypeOf(r) === Object.prototype, Map.prototype.has.call(r, 1));
try { Reflect.construct(Map, [[[1, 2]]], Object); } catch (e) { console.log(e.message); }
