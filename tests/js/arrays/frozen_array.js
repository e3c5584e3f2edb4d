// Mutating a frozen array throws in strict mode.
"use strict";
const a = Object.freeze([1, 2]);
try { a.push(3); } catch (e) { console.log("push", e instanceof TypeError); }
try { a[0] = 9; } catch (e) { console.log("set", e instanceof TypeError); }
try { a.length = 0; } catch (e) { console.log("length", e instanceof TypeError); }
console.log(a.join(), a.length);
