// encode() converts its argument with ToString; a missing or undefined one is ""
const enc = new TextEncoder();
const show = u => Array.from(u).join(',');
console.log(show(enc.encode()), show(enc.encode(undefined)), show(enc.encode(null)));
console.log(show(enc.encode(12.5)), show(enc.encode(true)), show(enc.encode({ toString() { return 'ok'; } })));
try { enc.encode(Symbol('s')); } catch (e) { console.log(e.constructor.name); }
console.log(enc.encode('abc').buffer.byteLength, enc.encode('abc').byteOffset);
