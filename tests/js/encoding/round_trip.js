// Encoding then decoding gives the text back (lone surrogates aside)
const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });
let text = '';
for (let cp = 0; cp < 0x110000; cp += 0x101) {
  if (cp < 0xd800 || cp > 0xdfff) text += String.fromCodePoint(cp);
}
const bytes = enc.encode(text);
console.log(text.length, bytes.length, dec.decode(bytes) === text);
const into = new Uint8Array(bytes.length);
const r = enc.encodeInto(text, into);
console.log(r.read === text.length, r.written === bytes.length, into.every((b, i) => b === bytes[i]));
