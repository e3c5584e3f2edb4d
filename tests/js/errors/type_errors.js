// Common operations that throw TypeError.
const cases = {
  "call undefined": () => undefined(),
  "property of null": () => null.x,
  "set on undefined": () => { undefined.x = 1; },
  "new non-constructor": () => new Math.max(),
  "symbol to number": () => +Symbol(),
  "bigint mix": () => 1n + 1,
  "const assign": () => { const c = 1; c = 2; },
  "non-object prototype": () => Object.create(5),
};
for (const [name, f] of Object.entries(cases)) {
  try { f(); console.log(name, "no error"); } catch (e) { console.log(name, e.constructor.name); }
}
