// decode() takes only an ArrayBuffer or a view; its options must be an object
const dec = new TextDecoder();
for (const input of [null, 'abc', 42, [0x61], {}, { buffer: new ArrayBuffer(1) }]) {
  try { dec.decode(input); console.log('accepted'); } catch (e) { console.log(e.constructor.name); }
}
console.log(JSON.stringify(dec.decode(new Uint8Array([0x61]), null)), JSON.stringify(dec.decode(new Uint8Array([0x61]), undefined)));
