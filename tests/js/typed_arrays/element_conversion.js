// Stores convert to the element type: wrap-around integers, clamping, float32 rounding.
console.log(Array.from(new Int8Array([127, 128, -129, 1.9, -1.9, NaN, Infinity])));
console.log(Array.from(new Uint8Array([256, -1, 3.7])), Array.from(new Uint16Array([65536, -1])));
console.log(Array.from(new Uint8ClampedArray([1.5, 2.5, 3.5, -1, 256, NaN, 254.5])));
console.log(Array.from(new Int32Array([2 ** 31, -(2 ** 31) - 1])), Array.from(new Uint32Array([-1, 2 ** 32 + 5])));
console.log(Array.from(new Float32Array([1.1, 1e40, -1e40, 2 ** -150, 0.1])));
console.log(Array.from(new Float64Array([1.1, -0, NaN])));
