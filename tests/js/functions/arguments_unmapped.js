// Strict functions and non-simple parameter lists get an unmapped arguments object.
function strict(a) { "use strict"; a = 2; return arguments[0]; }
function withDefault(a, b = 0) { a = 2; return arguments[0]; }
function withRest(a, ...r) { arguments[0] = 9; return a; }
console.log(strict(1), withDefault(1), withRest(1));
