// encodeInto writes at the destination view's own offset, never past its end
const enc = new TextEncoder();
const buffer = new ArrayBuffer(10);
const whole = new Uint8Array(buffer);
const view = new Uint8Array(buffer, 3, 4);
const r = enc.encodeInto('hello', view);
console.log(r.read, r.written, Array.from(whole).join(','));
const r2 = enc.encodeInto('\ud800x', new Uint8Array(buffer, 8));
console.log(r2.read, r2.written, Array.from(whole).join(','));
console.log(Object.keys(r).join(), Object.getPrototypeOf(r) === Object.prototype);
