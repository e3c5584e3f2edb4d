// after lockdown, Function reached through a prototype does not compile
lockdown();
const c = new Compartment();
for (const src of ['(function(){}).constructor', '(() => 1).constructor', '(function*(){}).constructor', '(async function(){}).constructor', 'Function.prototype.constructor']) {
  try { c.evaluate(src)('return 1'); console.log('compiled'); } catch (e) { console.log(e.constructor.name, e.message); }
}
