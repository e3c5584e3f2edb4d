// import() inside a compartment module goes to that compartment's hooks, unboxed
lockdown();
const c = new Compartment({ __options__: true,
  resolveHook: (spec, referrer) => spec + '@' + referrer,
  importHook: async spec => {
    console.log('load', spec);
    if (spec === 'main') return { source: new ModuleSource('export const later = () => import("lazy");') };
    return { source: { imports: [], exports: ['v'], execute(env) { env.v = 'lazy value'; } } };
  },
});
c.import('main').then(({ namespace }) => namespace.later()).then(ns => console.log(ns.v, 'namespace' in ns));
