// moduleMapHook is asked before importNowHook; undefined falls through to the hook
const seen = [];
const c = new Compartment({ __options__: true,
  moduleMapHook(spec) {
    seen.push('map ' + spec);
    if (spec === 'a') return { source: { imports: [], exports: ['v'], execute(env) { env.v = 'from map'; } } };
    return undefined;
  },
  importNowHook(spec) {
    seen.push('now ' + spec);
    return { source: { imports: [], exports: ['v'], execute(env) { env.v = 'from hook ' + spec; } } };
  },
});
console.log(c.importNow('a').v);
console.log(c.importNow('b').v);
console.log(c.importNow('a').v);
console.log(seen.join(', '));
