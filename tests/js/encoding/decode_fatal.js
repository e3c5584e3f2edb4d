// A fatal decoder throws a TypeError on bad input, and is fine with good input after
const dec = new TextDecoder('utf-8', { fatal: true });
console.log(dec.fatal, dec.ignoreBOM);
for (const bytes of [[0x61], [0xff], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xe2, 0x82, 0xac]]) {
  try { console.log(JSON.stringify(dec.decode(new Uint8Array(bytes)))); } catch (e) { console.log(e.constructor.name, e.message); }
}
try { dec.decode(new Uint8Array([0xe2]), { stream: true }); console.log('buffered'); dec.decode(); } catch (e) { console.log('at flush', e.constructor.name); }
console.log(dec.decode(new Uint8Array([0x6f, 0x6b])));
