// a compartment's global object has the shared ModuleSource
const c = new Compartment();
console.log(c.globalThis.ModuleSource === ModuleSource, typeof ModuleSource);
