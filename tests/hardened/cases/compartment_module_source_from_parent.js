// { source: 'specifier', compartment } makes a new instance of another compartment's module source
lockdown();
const parent = new Compartment({ __options__: true, name: 'parent', globals: { where: 'parent' }, modules: {
  counter: { source: new ModuleSource('export let n = 0; export const inc = () => ++n; export const where = globalThis.where;') },
} });
const child = new Compartment({ __options__: true, name: 'child', globals: { where: 'child' }, modules: {
  counter: { source: 'counter', compartment: parent },
} });
const a = parent.importNow('counter');
const b = child.importNow('counter');
a.inc(); a.inc(); b.inc();
console.log(a === b, a.n, b.n, a.where, b.where);
