// NaN: arithmetic results, self-inequality, isNaN, Object.is.
const n = 0 / 0;
console.log(n, n === n, n !== n, Object.is(n, NaN));
console.log(isNaN("abc"), isNaN("12"), Number.isNaN("abc"), Number.isNaN(NaN));
console.log(NaN + 1, NaN * 0, Infinity - Infinity, Infinity * 0, "x" - 1);
console.log([NaN].indexOf(NaN), [NaN].includes(NaN));
