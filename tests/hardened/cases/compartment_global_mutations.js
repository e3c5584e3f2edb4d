// a compartment's global object under defines, deletes, getters, endowments that shadow
// standard names, freezing: its own keys in order with their descriptors, and another
// compartment (made before and after the writes) untouched
const watch = ['1', '7', 'Infinity', 'NaN', 'undefined', 'Array', 'Map', 'JSON', 'Math',
  'Date', 'globalThis', 'Compartment', 'eval', 'Function', 'b', 'a', 'lazy', 'x', 'y',
  'g', 'late', 'Symbol(mark)'];
const show = o => Reflect.ownKeys(o).map(k => [String(k), k]).filter(([s]) => watch.includes(s))
  .map(([s, k]) => {
    const d = Object.getOwnPropertyDescriptor(o, k);
    const v = !('value' in d) ? 'accessor' : d.value === o ? 'self'
      : typeof d.value === 'function' ? 'fn' : String(d.value);
    return `${s}=${v}:${'value' in d ? d.writable : '-'}${d.enumerable}${d.configurable}`;
  }).join(' ');
const other = new Compartment();
const c = new Compartment({ __options__: true, globals: {
  b: 1, a: 2, Math: 'shadow', 7: 'seven', get lazy() { return 'L'; } } });
console.log(show(c.globalThis));
c.evaluate('globalThis.x = 1; Array = "guest"; delete globalThis.Map; globalThis[1] = "one"');
console.log(show(c.globalThis));
c.evaluate(`Object.defineProperty(globalThis, 'JSON', { get() { return 'j'; },
  configurable: true }); Object.defineProperty(globalThis, 'y', { value: 2 });
  globalThis.Map = 'back'; globalThis[Symbol.for('mark')] = 1; delete globalThis.b;`);
console.log(show(c.globalThis), c.evaluate('JSON'));
c.globalThis.g = 'from host';
Object.freeze(c.globalThis);
console.log(show(c.globalThis), Object.isFrozen(c.globalThis));
console.log(Reflect.set(c.globalThis, 'late', 1), Reflect.deleteProperty(c.globalThis, 'x'));
console.log(show(other.globalThis));
console.log(show(new Compartment().globalThis));
console.log(typeof other.evaluate('Map'), other.evaluate('typeof x'), Array.isArray([]));
