// String methods called on non-strings convert this with ToString.
console.log(String.prototype.toUpperCase.call(true), String.prototype.slice.call(12345, 1, 3));
console.log("".concat.call([1, 2], "!"));
try { String.prototype.trim.call(null); } catch (e) { console.log(e instanceof TypeError); }
