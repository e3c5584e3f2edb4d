// a guest cannot reach a sloppy host function's live arguments or caller
function hostPower(callback) { return callback(); }
const c = new Compartment({ __options__: true, globals: { hostPower } });
const got = c.evaluate(`hostPower(function guest() {
  const out = [];
  for (const read of [() => hostPower.arguments, () => hostPower.caller, () => guest.caller]) {
    try { out.push(read() === undefined || read() === null ? 'none' : 'LEAK'); } catch (e) { out.push(e.name); }
  }
  return out.join();
})`);
console.log(got.includes('LEAK') || Object.getOwnPropertyNames(hostPower).some(n => n === 'arguments' || n === 'caller') ? 'ESCAPED ' + got : 'contained');
