// a module map entry { namespace, compartment } links to another compartment's instance
lockdown();
const lib = new Compartment({ __options__: true, name: 'lib', modules: {
  util: { source: new ModuleSource('export const who = globalThis.who; export let calls = 0; export function call() { calls += 1; return calls; }') },
}, globals: { who: 'lib' } });
const app = new Compartment({ __options__: true, name: 'app', globals: { who: 'app' }, modules: {
  util: { namespace: 'util', compartment: lib },
  main: { source: new ModuleSource('import { who, call } from "util"; export const r = [who, call(), call()].join(" ");') },
}, resolveHook: s => s });
const main = app.importNow('main');
console.log(main.r);
console.log(app.importNow('util') === lib.importNow('util'), lib.importNow('util').calls);
