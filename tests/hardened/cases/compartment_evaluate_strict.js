// evaluate runs strict code
const c = new Compartment();
console.log(c.evaluate('(function () { return this; })()'), c.evaluate('(function () { return typeof this; }).call(5)'));
try { c.evaluate('undeclared = 1'); } catch (e) { console.log(e.constructor.name, e.message); }
try { c.evaluate('Object.freeze([1])[0] = 2'); } catch (e) { console.log(e.constructor.name); }
