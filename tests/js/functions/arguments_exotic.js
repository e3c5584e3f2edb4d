// Mapped arguments: deleting or redefining an index ends the aliasing; strict ones never alias.
function del(a) { delete arguments[0]; arguments[0] = "new"; return [a, arguments[0]]; }
console.log(del(1).join());
function freeze(a) { Object.defineProperty(arguments, "0", { writable: false }); a = 2; return [a, arguments[0]]; }
console.log(freeze(1).join());
function redefine(a) { Object.defineProperty(arguments, "0", { value: 3 }); return [a, arguments[0]]; }
console.log(redefine(1).join());
function strict(a) { "use strict"; arguments[0] = 9; return [a, arguments[0]]; }
console.log(strict(1).join());
function defaults(a = 0) { arguments[0] = 9; return [a, arguments[0]]; }
console.log(defaults(1).join());
function callee() { return arguments.callee === callee; }
console.log(callee());
try { (function () { "use strict"; return arguments.callee; })(); } catch (e) { console.log(e.constructor.name); }
function keys(a, b) { return [Object.keys(arguments), JSON.stringify(Object.getOwnPropertyDescriptor(arguments, "1"))]; }
console.log(keys(1, 2).join(" | "));
function spread(a, b) { a = "x"; return [...arguments].join(); }
console.log(spread(1, 2));
