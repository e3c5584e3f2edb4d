// compartment.module() gives the namespace before the module runs; it throws until then
const c = new Compartment({ __options__: true, modules: {
  m: { source: { imports: [], exports: ['x'], execute(env) { env.x = 'ready'; } } },
} });
const early = c.module('m');
try { early.x; } catch (e) { console.log(e.constructor.name); }
console.log(c.importNow('m') === early, early.x, c.module('m') === early);
