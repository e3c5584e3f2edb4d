// A membrane: everything reached through the wrapper is wrapped, and revoking cuts it all.
function membrane(root) {
  let revoked = false;
  const wrappers = new WeakMap();
  function wrap(value) {
    if (Object(value) !== value) return value;
    if (wrappers.has(value)) return wrappers.get(value);
    const handler = {
      get(t, k) {
        if (revoked) throw new TypeError("revoked membrane");
        return wrap(Reflect.get(t, k));
      },
      set() { return false; },
      apply(t, self, args) {
        if (revoked) throw new TypeError("revoked membrane");
        return wrap(Reflect.apply(t, self, args));
      },
    };
    const proxy = new Proxy(value, handler);
    wrappers.set(value, proxy);
    return proxy;
  }
  return { wrapped: wrap(root), revoke() { revoked = true; } };
}
const secret = { data: { list: [1, 2, 3] }, greet(name) { return { msg: `hi ${name}` }; } };
const m = membrane(secret);
const inner = m.wrapped.data;
console.log(inner.list.length, inner.list[1], inner === m.wrapped.data);
console.log(m.wrapped.greet("bob").msg);
console.log(Reflect.set(inner, "x", 1), "x" in secret.data);
m.revoke();
for (const f of [() => inner.list, () => m.wrapped.greet]) {
  try {
    f();
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
}
