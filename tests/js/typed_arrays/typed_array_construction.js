// The concrete constructors: from a length, an array, an iterable, another typed array, a buffer.
console.log(new Float64Array(3).length, new Int8Array([1, 2]).length, new Uint8Array(new Set([4, 5, 4])).join());
console.log(Array.from(new Int16Array(new Float32Array([1.5, -2.5]))), new Uint8Array({ length: 2, 0: 7 }).join());
const buf = new ArrayBuffer(16);
const view = new Int32Array(buf, 4, 2);
console.log(view.length, view.byteOffset, view.byteLength, view.buffer === buf, new Int32Array(buf, 8).length);
for (const bad of [() => new Int32Array(buf, 3), () => new Int32Array(buf, 0, 5), () => Int8Array(1), () => new Int8Array(-1)]) {
  try { bad(); } catch (e) { console.log(e.constructor.name); }
}
console.log(Int32Array.BYTES_PER_ELEMENT, Int32Array.prototype.BYTES_PER_ELEMENT, Float64Array.name, Uint8Array.length);
console.log(Object.getPrototypeOf(Int8Array) === Object.getPrototypeOf(Uint32Array), Array.from(Uint8Array.of(1, 2)), Array.from(Int8Array.from([1, 2], (x) => -x)));
