// Unary + is ToNumber: strings and objects convert, -0 stays, a BigInt throws.
console.log(+"5", +"", +[], +{ valueOf() { return 7; } }, Object.is(+(-0), -0), +true, +null);
try { +1n; } catch (e) { console.log(e instanceof TypeError); }
