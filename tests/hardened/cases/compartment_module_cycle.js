// two source modules that import each other link and run, with live bindings
lockdown();
const c = new Compartment({ __options__: true, resolveHook: s => s, modules: {
  even: { source: new ModuleSource('import { odd } from "odd"; export function even(n) { return n === 0 ? true : odd(n - 1); }') },
  odd: { source: new ModuleSource('import { even } from "even"; export function odd(n) { return n === 0 ? false : even(n - 1); }') },
} });
const { even } = c.importNow('even');
console.log(even(10), even(7), c.importNow('odd').odd(3));
