// Function reached from a ModuleSource module in a compartment makes code of that compartment only
lockdown();
globalThis.hostOnly = 'secret';
const c = new Compartment({ __options__: true, modules: { m: { source: new ModuleSource(`
  export const viaGlobal = Function('return typeof hostOnly')();
  let viaProto = 'threw';
  try { viaProto = (function () {}).constructor('return typeof hostOnly')(); } catch (e) { viaProto = e.name; }
  export { viaProto };`) } } });
const ns = c.importNow('m');
console.log(ns.viaGlobal === 'undefined' && ns.viaProto === 'TypeError' ? 'contained' : 'ESCAPED ' + ns.viaGlobal + ' ' + ns.viaProto);
