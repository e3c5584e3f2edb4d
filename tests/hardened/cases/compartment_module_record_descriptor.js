// { record, specifier } stores the record under both the asked and the given specifier
const source = { imports: [], exports: ['name'], execute(env) { env.name = 'recorded'; } };
const c = new Compartment({ __options__: true, importNowHook(spec) {
  console.log('hook', spec);
  return { record: source, specifier: 'canonical' };
} });
const ns = c.importNow('alias');
console.log(ns.name, c.importNow('canonical') === ns);
