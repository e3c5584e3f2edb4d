// getOwnPropertyDescriptor trap: completed descriptors, hasOwn, propertyIsEnumerable.
const p = new Proxy({ real: 1 }, {
  getOwnPropertyDescriptor(t, key) {
    if (key === "fake") return { value: "made up", configurable: true };
    if (key === "getter") return { get() { return 1; }, configurable: true, enumerable: true };
    return Reflect.getOwnPropertyDescriptor(t, key);
  },
});
console.log(Object.getOwnPropertyDescriptor(p, "fake"));
console.log(Object.getOwnPropertyDescriptor(p, "getter"));
console.log(Object.getOwnPropertyDescriptor(p, "real"));
console.log(Object.getOwnPropertyDescriptor(p, "none"));
console.log(Object.hasOwn(p, "fake"), p.hasOwnProperty("none"), p.propertyIsEnumerable("fake"));
try {
  Object.getOwnPropertyDescriptor(new Proxy({}, { getOwnPropertyDescriptor: () => 1 }), "x");
} catch (e) {
  console.log(e.constructor.name);
}
