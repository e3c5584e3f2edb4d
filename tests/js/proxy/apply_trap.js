// A proxy of a function is callable; the apply trap gets this and an arguments array.
function add(a, b) { return this.base + a + b; }
const p = new Proxy(add, {
  apply(target, thisArg, args) {
    console.log(Array.isArray(args), args.length, thisArg && thisArg.base);
    return target.apply(thisArg, args) * 10;
  },
});
console.log(p.call({ base: 100 }, 1, 2));
const obj = { base: 1, p };
console.log(obj.p(2, 3));
console.log(Reflect.apply(p, { base: 0 }, [4, 5]));
console.log(typeof p, typeof new Proxy({}, {}), typeof new Proxy(class {}, {}));
const passthrough = new Proxy(Math.max, {});
console.log(passthrough(3, 9, 4), [1, 2, 3].map(new Proxy((x) => x * x, {})));
try {
  new Proxy({}, {})();
} catch (e) {
  console.log(e.constructor.name);
}
