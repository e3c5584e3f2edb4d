// Every trap's answer is checked against the target: a lie about a fixed part throws.
const frozen = Object.freeze({ k: 1 });
const sealed = Object.preventExtensions({ e: 1 });
const fixed = {};
Object.defineProperty(fixed, "nc", { value: 1, writable: true, configurable: false });
function tryIt(name, f) {
  try {
    console.log(name, f());
  } catch (e) {
    console.log(name, e.constructor.name);
  }
}
tryIt("get", () => new Proxy(frozen, { get: () => 2 }).k);
tryIt("get ok", () => new Proxy(frozen, { get: () => 1 }).k);
tryIt("set", () => Reflect.set(new Proxy(frozen, { set: () => true }), "k", 2));
tryIt("has", () => "nc" in new Proxy(fixed, { has: () => false }));
tryIt("has sealed", () => "e" in new Proxy(sealed, { has: () => false }));
tryIt("delete", () => Reflect.deleteProperty(new Proxy(fixed, { deleteProperty: () => true }), "nc"));
tryIt("ownKeys missing", () => Reflect.ownKeys(new Proxy(fixed, { ownKeys: () => [] })));
tryIt("ownKeys extra", () => Reflect.ownKeys(new Proxy(frozen, { ownKeys: () => ["k", "z"] })));
tryIt("gOPD undefined", () => Object.getOwnPropertyDescriptor(
  new Proxy(fixed, { getOwnPropertyDescriptor: () => undefined }), "nc"));
tryIt("gOPD nonconfigurable", () => Object.getOwnPropertyDescriptor(
  new Proxy({ a: 1 }, { getOwnPropertyDescriptor: () => ({ value: 1, configurable: false }) }), "a"));
tryIt("defineProperty new", () => Reflect.defineProperty(
  new Proxy(sealed, { defineProperty: () => true }), "newKey", { value: 1 }));
tryIt("defineProperty nonconfigurable", () => Reflect.defineProperty(
  new Proxy({}, { defineProperty: () => true }), "x", { value: 1, configurable: false }));
tryIt("getPrototypeOf", () => Object.getPrototypeOf(
  new Proxy(sealed, { getPrototypeOf: () => Array.prototype })));
tryIt("setPrototypeOf", () => Reflect.setPrototypeOf(
  new Proxy(sealed, { setPrototypeOf: () => true }), Array.prototype));
tryIt("isExtensible", () => Object.isExtensible(new Proxy({}, { isExtensible: () => false })));
tryIt("preventExtensions", () => Reflect.preventExtensions(
  new Proxy({}, { preventExtensions: () => true })));
tryIt("construct", () => new (new Proxy(function () {}, { construct: () => null }))());
tryIt("trap not callable", () => new Proxy({}, { get: 5 }).x);
