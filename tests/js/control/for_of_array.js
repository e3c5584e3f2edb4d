// for-of over arrays, strings (by code point) and array holes.
for (const x of [1, , 3]) console.log(x);
const chars = [];
for (const c of "a😀b") chars.push(c);
console.log(chars.length, chars.join("|"));
for (const [i, v] of ["p", "q"].entries()) console.log(i, v);
