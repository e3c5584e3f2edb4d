// sloppy direct eval adds its vars and functions to the caller's var scope
var x = "global";
function h() { eval("var x = 'local'; function zz() { return 42; }"); return [x, zz(), typeof x]; }
console.log(h().join(" "), x);
function nested() { eval("var z = 1"); return function () { return z + 1; }; }
console.log(nested()());
