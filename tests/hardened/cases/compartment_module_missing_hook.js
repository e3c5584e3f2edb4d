// loading an unknown specifier without a hook fails, naming the hook and compartment
const c = new Compartment({ __options__: true, name: 'lonely' });
try { c.importNow('nowhere'); } catch (e) { console.log(e.name + ': ' + e.message); }
c.import('nowhere').catch(e => console.log(e.name + ': ' + e.message));
