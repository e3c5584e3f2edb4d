// Typed arrays sort numerically by default (-0 before +0, NaN last), or with a comparator.
console.log(Array.from(new Float64Array([3, -1, NaN, 0, -0, 10, -Infinity]).sort()));
console.log(Array.from(new Uint8Array([10, 9, 100, 1]).sort()), Array.from(new Int8Array([1, 2, 3]).sort((x, y) => y - x)));
console.log(Array.from(new BigInt64Array([3n, -5n, 0n]).sort()));
