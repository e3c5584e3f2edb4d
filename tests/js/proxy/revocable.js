// Proxy.revocable: after revoke() every operation on the proxy throws a TypeError.
const { proxy, revoke } = Proxy.revocable({ a: 1 }, {});
console.log(proxy.a, typeof revoke, revoke.length, revoke.name === "");
console.log(revoke(), revoke());
const ops = {
  get: () => proxy.a,
  set: () => { proxy.a = 2; },
  has: () => "a" in proxy,
  keys: () => Object.keys(proxy),
  proto: () => Object.getPrototypeOf(proxy),
  isArray: () => Array.isArray(proxy),
  freeze: () => Object.freeze(proxy),
};
for (const [name, op] of Object.entries(ops)) {
  try {
    op();
    console.log(name, "worked");
  } catch (e) {
    console.log(name, e.constructor.name);
  }
}
console.log(typeof proxy);
const fn = Proxy.revocable(function () { return 1; }, {});
fn.revoke();
console.log(typeof fn.proxy);
try {
  fn.proxy();
} catch (e) {
  console.log(e.constructor.name);
}
// a revoked proxy may still be the target or handler of a new proxy
console.log(typeof new Proxy(proxy, {}));
