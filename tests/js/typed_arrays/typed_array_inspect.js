// console.log of typed arrays, ArrayBuffers and DataViews as node prints them.
console.log(new Uint8Array([1, 2, 3]), new Float64Array(0), [new BigInt64Array(2)]);
console.log(new Float32Array([1.5, -0, NaN]), new ArrayBuffer(3), new DataView(new ArrayBuffer(2), 1));
console.log(new Uint8Array(120));
console.log(new ArrayBuffer(60));
class Bytes extends Uint8Array {}
console.log(new Bytes(2), { t: new Uint8ClampedArray([9]) });
const x = new Int16Array(2);
x.tag = "t";
console.log(x);
