// after lockdown the constructor reached through a Class prototype chain evaluates nothing
lockdown();
globalThis.hostOnly = 'secret';
const c = new Compartment();
const leaks = [];
for (const how of ['(class {}).constructor', 'Object.getPrototypeOf(class {}).constructor']) {
  try {
    const made = c.evaluate(how)('return typeof hostOnly');
    leaks.push(how + ' -> ' + (typeof made === 'function' ? 'made code' : String(made)));
  } catch (e) { if (!(e instanceof TypeError)) leaks.push(how + ' threw ' + e); }
}
console.log(leaks.length ? 'ESCAPED ' + leaks.join('; ') : 'contained');
