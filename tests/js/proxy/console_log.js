// console.log shows a proxy as its target and runs none of its traps.
let trapped = 0;
const handler = new Proxy({}, { get() { trapped++; return undefined; } });
console.log(new Proxy({ a: 1, b: [1, 2] }, handler));
console.log(new Proxy([1, 2, 3], handler));
console.log(new Proxy(function named() {}, handler));
console.log({ inner: new Proxy({ x: 1 }, handler) });
const r = Proxy.revocable({}, {});
r.revoke();
console.log(r.proxy);
console.log(trapped);
