// load() fetches the graph without running it; each module is fetched once
lockdown();
const log = [];
const texts = { a: 'import "b"; import "c"; globalThis.order.push("a");', b: 'import "c"; globalThis.order.push("b");', c: 'globalThis.order.push("c");' };
const c = new Compartment({ __options__: true, globals: { order: log }, resolveHook: s => s,
  importHook: async s => { log.push('fetch ' + s); return { source: new ModuleSource(texts[s]) }; } });
c.load('a').then(v => {
  console.log('loaded', v, log.join(' '));
  log.length = 0;
  c.importNow('a');
  console.log('ran', log.join(' '));
});
