// Map and Set methods throw a TypeError on objects without the internal slot.
const calls = [
  () => Map.prototype.get.call({}, 1),
  () => Map.prototype.set.call(new Set(), 1, 2),
  () => Set.prototype.add.call(new Map(), 1),
  () => Set.prototype.has.call([], 1),
  () => Map.prototype.entries.call(null),
  () => Object.getOwnPropertyDescriptor(Map.prototype, "size").get.call(new Set()),
  () => new Map().keys().next.call(new Set().values()),
];
for (const call of calls) {
  try { call(); } catch (e) { console.log(e.constructor.name, e.message); }
}
