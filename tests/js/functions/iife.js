// Immediately invoked function expressions in their common forms.
console.log((function () { return 1; })());
console.log((function () { return 2; }()));
console.log((() => 3)());
console.log(!function () { console.log("bang iife"); }());
void function () { console.log("void iife"); }();
