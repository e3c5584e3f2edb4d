// the legacy { specifier, compartment } descriptor and a namespace as descriptor both link
const lib = new Compartment({ __options__: true, modules: {
  m: { source: { imports: [], exports: ['id'], execute(env) { env.id = Math.PI > 3 ? 'lib m' : ''; } } },
} });
const viaSpecifier = new Compartment({ __options__: true, modules: { x: { specifier: 'm', compartment: lib } } });
const viaNamespace = new Compartment({ __options__: true, modules: { y: lib.module('m') } });
console.log(viaSpecifier.importNow('x').id, viaNamespace.importNow('y') === lib.importNow('m'));
