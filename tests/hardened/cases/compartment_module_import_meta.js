// importMetaHook fills import.meta of a module that uses it, after the descriptor's importMeta
lockdown();
const c = new Compartment({ __options__: true,
  importMetaHook(spec, meta) { meta.url = 'mem://' + spec; meta.hooked = Object.keys(meta).join('+'); },
  modules: { m: { source: new ModuleSource('export const url = import.meta.url, hooked = import.meta.hooked, extra = import.meta.extra;'), importMeta: { extra: 'given' } } },
});
const ns = c.importNow('m');
console.log(ns.url, ns.hooked, ns.extra);
