// import() and static imports in a compartment module go only to that compartment's hooks
lockdown();
const asked = [];
const c = new Compartment({ __options__: true, resolveHook: s => s,
  importHook: async s => { asked.push(s); return { source: new ModuleSource('export default "guest " + ' + JSON.stringify(s)) }; },
  modules: { main: { source: new ModuleSource('import a from "static"; export const p = import("./indirect_eval.js"); export const e = eval(\'import("viaEval")\'); export { a };') } } });
c.import('main').then(({ namespace }) => Promise.all([namespace.p, namespace.e]).then(([p, e]) =>
  console.log(namespace.a === 'guest static' && p.default === 'guest ./indirect_eval.js' && e.default === 'guest viaEval' && asked.length === 3 ? 'contained' : 'ESCAPED ' + asked.join())));
