// ArrayBuffer: zero-filled bytes, slice copies, views share memory.
const buf = new ArrayBuffer(8);
const bytes = new Uint8Array(buf);
const words = new Uint16Array(buf);
words[0] = 0x0102;
console.log(buf.byteLength, Array.from(bytes), bytes[0] === 2);
const part = buf.slice(0, 2);
bytes[0] = 99;
console.log(new Uint8Array(part)[0], part.byteLength, buf.slice(-3).byteLength, buf.slice(6, 2).byteLength);
console.log(ArrayBuffer.isView(bytes), ArrayBuffer.isView(buf), Object.prototype.toString.call(buf));
try { new ArrayBuffer(-1); } catch (e) { console.log(e.constructor.name); }
try { ArrayBuffer(1); } catch (e) { console.log(e.constructor.name, e.message); }
