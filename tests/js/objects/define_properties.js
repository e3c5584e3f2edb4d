// Object.defineProperties and Object.create with property descriptors.
const o = Object.create({ inherited: true }, {
  a: { value: 1, enumerable: true },
  b: { get() { return this.a + 1; }, enumerable: false },
});
Object.defineProperties(o, { c: { value: 3, writable: true, enumerable: true } });
console.log(o.a, o.b, o.c, o.inherited, Object.keys(o).join());
console.log(Object.getOwnPropertyNames(o).join());
