// A resizable ArrayBuffer grows and shrinks; length-tracking views follow it.
const rab = new ArrayBuffer(4, { maxByteLength: 16 });
const tracking = new Uint8Array(rab);
const fixed = new Uint8Array(rab, 0, 4);
console.log(rab.resizable, rab.maxByteLength, tracking.length, fixed.length);
rab.resize(10);
tracking[9] = 7;
console.log(tracking.length, fixed.length, tracking[9], rab.byteLength);
rab.resize(2);
console.log(tracking.length, fixed.length, fixed.byteLength, fixed[0]);
try { rab.resize(17); } catch (e) { console.log(e.constructor.name); }
console.log(new ArrayBuffer(3).resizable, new ArrayBuffer(3).maxByteLength);
