// after lockdown one compartment cannot poison a prototype another one uses
lockdown();
const a = new Compartment(), b = new Compartment();
try { a.evaluate('Array.prototype.push = function () { return "poisoned"; }'); } catch (e) { /* frozen */ }
try { a.evaluate('Object.prototype.toString = () => "poisoned"'); } catch (e) { /* frozen */ }
const seen = b.evaluate('const xs = []; xs.push(1); String(xs.length) + ({}).toString()');
console.log(seen === '1[object Object]' ? 'contained' : 'ESCAPED ' + seen);
