// FinalizationRegistry register/unregister: return values and argument checks.
const registry = new FinalizationRegistry(() => {});
const target = {}, token = {};
console.log(registry.register(target, "held", token), registry.unregister(token), registry.unregister(token));
registry.register({}, 1);
const checks = [
  () => new FinalizationRegistry(1),
  () => registry.register(1, 2),
  () => registry.register(target, target),
  () => registry.register(target, 1, 5),
  () => registry.unregister(1),
];
for (const c of checks) {
  try { c(); } catch (e) { console.log(e.constructor.name, e.message); }
}
console.log(Object.prototype.toString.call(registry));
