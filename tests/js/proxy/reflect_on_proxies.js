// Reflect's functions are the internal methods: on a proxy each calls one trap.
const log = [];
const handler = new Proxy({}, {
  get(t, trapName) {
    return (...args) => { log.push(trapName); return Reflect[trapName](...args); };
  },
});
const p = new Proxy(function target() {}, handler);
Reflect.get(p, "x");
Reflect.set(p, "x", 1);
Reflect.has(p, "x");
Reflect.deleteProperty(p, "x");
Reflect.ownKeys(p);
Reflect.getOwnPropertyDescriptor(p, "name");
Reflect.defineProperty(p, "y", { value: 1, configurable: true });
Reflect.getPrototypeOf(p);
Reflect.setPrototypeOf(p, Function.prototype);
Reflect.isExtensible(p);
Reflect.preventExtensions(p);
Reflect.apply(p, null, []);
Reflect.construct(p, []);
console.log(log.join("\n"));
