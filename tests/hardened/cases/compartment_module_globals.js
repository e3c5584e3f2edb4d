// module code sees its compartment's global object, not the host's
lockdown();
globalThis.secret = 'host';
const c = new Compartment({ __options__: true, globals: { label: 'inside' }, modules: {
  m: { source: new ModuleSource('export const seen = [typeof secret, label, globalThis.label, typeof console].join(" ");') },
} });
console.log(c.importNow('m').seen);
