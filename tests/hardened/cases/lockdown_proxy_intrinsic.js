// After lockdown, %Proxy% is a frozen shared intrinsic without a prototype property,
// and compartments see the same Proxy, whose proxies still work.
lockdown();
console.log(Object.isFrozen(Proxy), Object.isFrozen(Proxy.revocable), "prototype" in Proxy);
const c = new Compartment();
console.log(c.evaluate("Proxy") === Proxy);
const made = c.evaluate("new Proxy({}, { get: (t, k) => 'compartment ' + String(k) })");
console.log(made.hello);
const { proxy, revoke } = c.evaluate("Proxy.revocable({ a: 1 }, {})");
console.log(proxy.a);
revoke();
try {
  proxy.a;
} catch (e) {
  console.log(e instanceof TypeError);
}
try {
  Proxy.extra = 1;
  console.log(Proxy.extra);
} catch (e) {
  console.log(e.constructor.name);
}
