// The get trap sees target, key and receiver; without a trap the target answers.
const target = { a: 1, get self() { return this; } };
const seen = [];
const p = new Proxy(target, {
  get(t, key, receiver) {
    seen.push([typeof key === "symbol" ? key.toString() : key, t === target, receiver === p]);
    return key === "virtual" ? 42 : Reflect.get(t, key, receiver);
  },
});
console.log(p.a, p.virtual, p.missing, p[Symbol.iterator]);
console.log(p.self === p);
console.log(JSON.stringify(seen));
const plain = new Proxy(target, {});
console.log(plain.a, plain.self === plain);
// a proxy on the prototype chain: its get trap is asked with the inheriting receiver
const child = Object.create(new Proxy({}, { get(t, k, r) { return `inherited ${String(k)} ${r === child}`; } }));
child.own = "mine";
console.log(child.own, child.other);
