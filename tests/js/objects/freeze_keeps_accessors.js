// Object.freeze and Object.seal keep accessor properties accessors
const o = { get a() { return 1; }, set a(v) {} };
Object.freeze(o);
const d = Object.getOwnPropertyDescriptor(o, 'a');
console.log(typeof d.get, typeof d.set, d.configurable, d.enumerable, o.a, Object.isFrozen(o));
const s = Object.seal({ get b() { return 2; } });
console.log(typeof Object.getOwnPropertyDescriptor(s, 'b').get, s.b);
