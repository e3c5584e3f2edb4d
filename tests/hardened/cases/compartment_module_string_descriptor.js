// a string in the module map is rejected with a hint to use a {source} descriptor
const c = new Compartment({ __options__: true, modules: { a: 'b' } });
try { c.importNow('a'); } catch (e) { console.log(e.name + ': ' + e.message); }
