// a module whose execution throws throws the same error every time it is imported
let runs = 0;
const c = new Compartment({ __options__: true, modules: {
  bad: { source: { imports: [], exports: [], execute() { runs += 1; throw new RangeError('boom ' + runs); } } },
} });
let first;
try { c.importNow('bad'); } catch (e) { first = e; console.log(e.message); }
try { c.importNow('bad'); } catch (e) { console.log(e === first, e.message, runs); }
