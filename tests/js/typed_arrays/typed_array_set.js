// %TypedArray%.prototype.set copies from arrays and typed arrays, overlapping buffers included.
const t = new Uint8Array(6);
t.set([1, 2, 3]);
t.set(new Float32Array([9.7, 8.2]), 4);
console.log(Array.from(t));
const shared = new Uint8Array([1, 2, 3, 4, 5, 6]);
shared.set(shared.subarray(0, 4), 2);
console.log(Array.from(shared));
try { t.set([1, 2], 5); } catch (e) { console.log(e.constructor.name); }
try { t.set([1], -1); } catch (e) { console.log(e.constructor.name); }
t.set({ length: 1, 0: 77 }, 1);
console.log(t[1]);
