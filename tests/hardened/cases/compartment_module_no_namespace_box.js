// with __noNamespaceBox__ import() resolves to the namespace itself
const c = new Compartment({ __options__: true, __noNamespaceBox__: true, modules: {
  m: { source: { imports: [], exports: ['x'], execute(env) { env.x = 'unboxed'; } } },
} });
c.import('m').then(ns => console.log(ns.x, 'namespace' in ns));
