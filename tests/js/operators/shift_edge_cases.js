// Shift counts are taken mod 32; >>> yields unsigned results.
console.log(1 << 33, 1 << -1, 8 >> 33, -8 >>> 1, 256 >>> 32);
console.log((-1 >>> 0).toString(16), (1 << 31) >>> 0);
