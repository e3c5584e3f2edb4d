// Writing length truncates or extends; writing past the end extends length.
const a = [1, 2, 3, 4, 5];
a.length = 2;
console.log(a.join(), a.length, a[3]);
a.length = 4;
console.log(a.length, 3 in a, a.join("-"));
a[9] = "x";
console.log(a.length);
try { a.length = -1; } catch (e) { console.log(e instanceof RangeError); }
