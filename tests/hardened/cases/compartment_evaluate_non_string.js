// evaluate requires a string
const c = new Compartment();
for (const v of [42, undefined, {}, null]) {
  try { c.evaluate(v); } catch (e) { console.log(e.constructor.name, e.message); }
}
