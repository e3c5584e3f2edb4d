// A compound assignment to a global used as a call argument keeps later arguments in place.
var x = -1;
console.log(x += -1, -2, "a");
console.log(x *= 3, x, "b");
