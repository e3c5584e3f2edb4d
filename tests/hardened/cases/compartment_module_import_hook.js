// importHook loads module sources asynchronously; resolveHook makes full specifiers
lockdown();
const texts = {
  'app/main.js': `import { count, bump } from './counter.js'; bump(); bump(); export const seen = count;`,
  'app/counter.js': `export let count = 0; export function bump() { count += 1; }`,
};
const c = new Compartment({ __options__: true,
  resolveHook(spec, referrer) { console.log('resolve', spec, referrer); return 'app/' + spec.slice(2); },
  async importHook(spec) { console.log('importHook', spec); return { source: new ModuleSource(texts[spec]) }; },
});
c.import('app/main.js').then(({ namespace }) => {
  console.log('seen', namespace.seen);
  const counter = c.importNow('app/counter.js');
  console.log('count', counter.count);
  counter.bump();
  console.log('live', counter.count);
});
