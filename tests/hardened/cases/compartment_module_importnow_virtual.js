// importNow runs a virtual module source's execute and returns its namespace
const c = new Compartment({ __options__: true, modules: {
  greet: { source: { imports: [], exports: ['hello', 'n'], execute(env, compartment, resolved) {
    console.log('execute', compartment === c, JSON.stringify(resolved));
    env.hello = 'hi';
    env.n = 1;
  } } },
} });
const ns = c.importNow('greet');
console.log(ns.hello, ns.n, Object.keys(ns).join(','));
console.log(c.importNow('greet') === ns, Object.prototype.toString.call(ns));
