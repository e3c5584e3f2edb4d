// console.log's %s treats a proxy as its target (a revoked one as a built-in object).
let calls = 0;
const h = { get(t, k, r) { calls++; return Reflect.get(t, k, r); } };
console.log("%s|%s", new Proxy({ a: 1 }, h), new Proxy({ toString() { return "custom"; } }, h));
const r = Proxy.revocable({}, {}); r.revoke();
console.log("%s", r.proxy);
console.log(calls);
