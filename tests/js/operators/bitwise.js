// Bitwise operators work on 32-bit integers.
console.log(5 & 3, 5 | 3, 5 ^ 3, ~5, ~-1, ~~3.7, ~~-3.7);
console.log(1 << 31, 1 << 32, -1 >>> 0, -1 >>> 28, -16 >> 2, 2 ** 32 + 5 | 0);
console.log(0xffffffff | 0, 1.9 | 0, "12" | 0, NaN | 0, Infinity | 0, 2 ** 53 | 0);
