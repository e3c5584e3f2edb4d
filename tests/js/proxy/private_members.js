// Private class members added to a proxy stay on the proxy; the target never gets them.
class Base { constructor(o) { return o; } }
class S extends Base { #x = 1; static get(o) { return o.#x; } static has(o) { return #x in o; } }
const t = {};
const p = new Proxy(t, {});
new S(p);
console.log(S.get(p), S.has(p), S.has(t));
