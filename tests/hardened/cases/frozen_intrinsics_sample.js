// intrinsics reachable from a fresh compartment are frozen after lockdown
lockdown();
const c = new Compartment();
const names = ['Object', 'Object.prototype', 'Array', 'Array.prototype', 'Function.prototype',
  'String.prototype', 'Number.prototype', 'Boolean.prototype', 'Symbol', 'Symbol.prototype',
  'Error', 'Error.prototype', 'TypeError.prototype', 'RangeError', 'Promise', 'Promise.prototype',
  'JSON', 'Reflect', 'Math', 'BigInt.prototype', 'Array.prototype.map', 'Object.keys',
  'Object.getPrototypeOf([][Symbol.iterator]())', 'Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))',
  'Object.getPrototypeOf(function* () {})', 'Object.getPrototypeOf(function* () {}).prototype',
  'Object.getPrototypeOf(async function () {})', 'Object.getPrototypeOf(""[Symbol.iterator]())',
  'Compartment.prototype',
  'Object.getPrototypeOf(Compartment)'];
for (const n of names) console.log(n, c.evaluate(`Object.isFrozen(${n})`));
