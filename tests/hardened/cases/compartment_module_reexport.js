// export * and export { x as y } from a virtual module reach the importer
lockdown();
const c = new Compartment({ __options__: true, resolveHook: s => s, modules: {
  base: { source: { imports: [], exports: ['a', 'b'], execute(env) { env.a = 'A'; env.b = 'B'; } } },
  mid: { source: new ModuleSource('export * from "base"; export { b as renamed } from "base";') },
} });
const ns = c.importNow('mid');
console.log(Object.keys(ns).join(','), ns.a, ns.renamed);
