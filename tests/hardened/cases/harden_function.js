// hardening a function freezes it and its prototype object
lockdown();
function f() {}
harden(f);
console.log(Object.isFrozen(f), Object.isFrozen(f.prototype));
'use strict';
try { (function () { 'use strict'; f.x = 1; })(); } catch (e) { console.log(e.constructor.name); }
