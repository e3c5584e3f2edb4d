// new Array(n) makes holes; a non-integer length throws RangeError.
const a = new Array(3);
console.log(a.length, 0 in a, a.join("-"));
console.log(new Array("3").length, new Array(2, 3).length);
try { new Array(1.5); } catch (e) { console.log(e instanceof RangeError); }
console.log(Array.isArray(a), Array.isArray({ length: 0 }), Array.isArray(Array.prototype));
