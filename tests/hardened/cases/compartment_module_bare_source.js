// a ModuleSource itself may stand in the module map (the legacy descriptor form)
lockdown();
const c = new Compartment({ __options__: true, modules: { m: new ModuleSource('export default "bare " + typeof harden;') } });
console.log(c.importNow('m').default);
