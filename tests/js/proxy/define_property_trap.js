// defineProperty trap: it gets only the fields given; false makes defineProperty throw.
const seen = [];
const target = {};
const p = new Proxy(target, {
  defineProperty(t, key, desc) {
    seen.push([key, Object.keys(desc).join("+")]);
    if (key === "refused") return false;
    return Reflect.defineProperty(t, key, desc);
  },
});
Object.defineProperty(p, "a", { value: 1 });
Object.defineProperty(p, "b", { get() { return 2; }, enumerable: true, configurable: true });
p.c = 3;
p.c = 4;
console.log(JSON.stringify(seen));
console.log(Object.getOwnPropertyDescriptor(target, "a"), p.b, target.c);
console.log(Reflect.defineProperty(p, "refused", { value: 0 }));
try {
  Object.defineProperty(p, "refused", { value: 0 });
} catch (e) {
  console.log(e.constructor.name);
}
class K { field = 1; }
const made = Reflect.construct(K, [], new Proxy(K, {}));
console.log(made.field);
