// Integer arithmetic past 2**53 behaves like doubles.
const big = 9007199254740992;
console.log(big + 1, big + 2, big * 2, big - 1);
console.log(Number.MAX_SAFE_INTEGER, Number.isSafeInteger(big), Number.isSafeInteger(big - 1));
console.log(2 ** 53 === 2 ** 53 + 1, 123456789 * 987654321);
console.log(Number.EPSILON > 0, 0.1 + 0.2 === 0.3, Math.abs(0.3 - (0.1 + 0.2)) < Number.EPSILON);
