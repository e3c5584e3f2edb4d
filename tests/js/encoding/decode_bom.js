// A leading BOM is dropped unless ignoreBOM; only at the start of a stream
const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]);
const show = s => Array.from(s, c => c.charCodeAt(0).toString(16)).join(' ');
console.log(show(new TextDecoder().decode(bytes)));
console.log(show(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)));
const dec = new TextDecoder();
console.log(show(dec.decode(new Uint8Array([0xef, 0xbb]), { stream: true })), '|', show(dec.decode(new Uint8Array([0xbf, 0xef, 0xbb, 0xbf]))));
console.log(show(dec.decode(bytes)), '|', show(dec.decode(new Uint8Array([0x61]), { stream: true })), '|', show(dec.decode(bytes)));
console.log(new TextDecoder('utf-8', { ignoreBOM: 1 }).ignoreBOM, new TextDecoder('utf-8', {}).ignoreBOM);
