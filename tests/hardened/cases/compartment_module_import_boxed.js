// import() resolves to a box { namespace } around the module namespace
const c = new Compartment({ __options__: true, modules: {
  m: { source: { imports: [], exports: ['x'], execute(env) { env.x = 42; } } },
} });
c.import('m').then(box => {
  console.log(Object.keys(box).join(','), box.namespace.x);
  console.log(box.namespace === c.importNow('m'));
});
