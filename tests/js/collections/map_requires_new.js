// Map, Set, WeakMap and WeakSet must be called with new.
for (const C of [Map, Set, WeakMap, WeakSet]) {
  try { C(); } catch (e) { console.log(e.constructor.name + ": " + e.message); }
}
console.log(Map.length, Set.length, WeakMap.length, WeakSet.length, Map.name);
