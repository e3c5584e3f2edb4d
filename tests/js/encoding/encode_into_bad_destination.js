// encodeInto's destination must be a Uint8Array
const enc = new TextEncoder();
for (const dest of [undefined, [], new Int8Array(4), new Uint8ClampedArray(4), new ArrayBuffer(4), new DataView(new ArrayBuffer(4))]) {
  try { enc.encodeInto('a', dest); console.log('accepted'); } catch (e) { console.log(e.constructor.name); }
}
console.log(enc.encodeInto('', new Uint8Array(0)).written);
