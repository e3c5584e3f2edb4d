// harden of a proxy freezes it through its traps and walks what the traps report.
lockdown();
const log = [];
const target = { n: 1, inner: { deep: true } };
const handler = {};
for (const name of ["getPrototypeOf", "preventExtensions", "ownKeys", "getOwnPropertyDescriptor",
                    "defineProperty", "isExtensible"]) {
  handler[name] = (...args) => {
    log.push(typeof args[1] === "string" ? `${name} ${args[1]}` : name);
    return Reflect[name](...args);
  };
}
const p = new Proxy(target, handler);
console.log(harden(p) === p);
console.log(log.join("\n"));
console.log(Object.isFrozen(target), Object.isFrozen(target.inner));
"use strict";
try {
  (function () { "use strict"; p.n = 2; })();
} catch (e) {
  console.log(e.constructor.name);
}
