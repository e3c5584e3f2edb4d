// console.log of WeakMap, WeakSet and WeakRef: contents are never shown.
const k = {};
console.log(new WeakMap([[k, 1]]), new WeakSet([k]), [new WeakMap()]);
console.log({ w: new WeakSet() });
