// The constructors need new; subclasses get their own prototype and still work
for (const C of [TextEncoder, TextDecoder]) {
  try { C(); console.log('called'); } catch (e) { console.log(e.constructor.name, e.message); }
}
class Utf8 extends TextDecoder { twice(b) { return this.decode(b) + this.decode(b); } }
const d = new Utf8('utf8', { fatal: true });
console.log(d instanceof TextDecoder, d instanceof Utf8, d.fatal, d.twice(new Uint8Array([0x6f])));
class Enc extends TextEncoder {}
console.log(new Enc().encode('é').length, Object.getPrototypeOf(new Enc()) === Enc.prototype);
const d2 = new TextDecoder(undefined, { fatal: 0, ignoreBOM: 'yes' });
console.log(d2.fatal, d2.ignoreBOM);
try { new TextDecoder('utf-8', 5); } catch (e) { console.log(e.constructor.name); }
