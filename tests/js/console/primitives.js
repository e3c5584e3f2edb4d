// console.log of primitives: numbers, strings unquoted at top level, booleans, null, undefined.
console.log(1, -1.5, 1e21, 1e-7, NaN, Infinity, -Infinity);
console.log("plain string", "", true, false, null, undefined);
console.log(-0, 0, [-0, 0]);
console.log(10n, Symbol("desc"), Symbol());
