// importing a name a module does not export is a SyntaxError naming the name and module
lockdown();
const c = new Compartment({ __options__: true, resolveHook: s => s, modules: {
  dep: { source: { imports: [], exports: ['a'], execute(env) { env.a = 1; } } },
  main: { source: new ModuleSource('import { b } from "dep"; export default b;') },
} });
try { c.importNow('main'); } catch (e) { console.log(e.name + ': ' + e.message); }
c.import('main').catch(e => console.log('async', e.name + ': ' + e.message));
