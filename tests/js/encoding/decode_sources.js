// decode() reads an ArrayBuffer or any view, from the view's offset and length
const bytes = new TextEncoder().encode('hello, world');
const dec = new TextDecoder();
console.log(dec.decode(bytes.buffer));
console.log(dec.decode(new DataView(bytes.buffer, 7, 5)));
console.log(dec.decode(bytes.subarray(0, 5)));
console.log(dec.decode(new Uint16Array(bytes.buffer, 0, 3)));
console.log(JSON.stringify(dec.decode()), JSON.stringify(dec.decode(undefined)), JSON.stringify(dec.decode(new ArrayBuffer(0))));
const copy = new Uint8Array([0x61, 0x62]);
const text = dec.decode(copy);
copy[0] = 0x7a;
console.log(text);
