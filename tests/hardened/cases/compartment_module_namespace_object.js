// { namespace: object } turns a plain object into a module
lockdown();
const exotic = { alpha: 1, beta: 'two' };
const c = new Compartment({ __options__: true, resolveHook: s => s, modules: {
  plain: { namespace: exotic },
  main: { source: new ModuleSource('import { alpha, beta } from "plain"; export const both = alpha + ":" + beta;') },
} });
console.log(c.importNow('main').both, Object.keys(c.importNow('plain')).join(','));
