// harden freezes getters and setters and what they hold as properties
lockdown();
const getter = function () { return 1; };
getter.extra = {};
const o = {};
Object.defineProperty(o, 'x', { get: getter, set(v) {}, configurable: true });
harden(o);
const d = Object.getOwnPropertyDescriptor(o, 'x');
console.log(Object.isFrozen(d.get), Object.isFrozen(d.set), Object.isFrozen(getter.extra), d.configurable);
