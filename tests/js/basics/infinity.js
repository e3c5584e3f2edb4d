// Infinity: overflow, division by zero, comparisons and arithmetic.
console.log(1 / 0, -1 / 0, 1e308 * 10, -1e308 * 10);
console.log(Infinity > 1e308, -Infinity < -1e308, Infinity === Infinity);
console.log(Infinity + Infinity, Infinity - 1, Infinity / Infinity, 1 / Infinity);
console.log(isFinite(1), isFinite(Infinity), isFinite("5"), Number.isFinite("5"));
console.log(Number.MAX_VALUE, Number.MIN_VALUE);
