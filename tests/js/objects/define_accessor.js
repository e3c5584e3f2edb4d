// defineProperty with get/set and getOwnPropertyDescriptor of an accessor.
const o = {};
let store = 0;
Object.defineProperty(o, "v", { get() { return store; }, set(x) { store = x * 2; }, enumerable: true });
o.v = 21;
console.log(o.v, store);
const d = Object.getOwnPropertyDescriptor(o, "v");
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable, "value" in d);
try { Object.defineProperty({}, "bad", { get() {}, value: 1 }); } catch (e) { console.log(e instanceof TypeError); }
