// DataView reads and writes any element type at any offset, big-endian unless asked.
const dv = new DataView(new ArrayBuffer(16), 2, 12);
dv.setUint16(0, 0x1234);
dv.setUint16(2, 0x1234, true);
dv.setFloat64(4, Math.PI);
console.log(dv.getUint8(0), dv.getUint8(1), dv.getUint8(2), dv.getUint8(3), dv.getFloat64(4), dv.getFloat32(4));
dv.setInt32(0, -1);
console.log(dv.getUint32(0), dv.getInt16(0), dv.byteOffset, dv.byteLength);
dv.setBigInt64(4, -2n, true);
console.log(dv.getBigUint64(4, true), dv.getBigInt64(4, true));
try { dv.getInt32(10); } catch (e) { console.log(e.constructor.name); }
try { new DataView({}); } catch (e) { console.log(e.constructor.name); }
console.log(dv.setInt8(0, 300), dv.getInt8(0), Object.prototype.toString.call(dv));
