// BigInt64Array and BigUint64Array hold BigInts and wrap modulo 2**64; numbers are rejected.
const s = new BigInt64Array([1n, -1n, 2n ** 63n, 2n ** 64n + 3n]);
console.log(Array.from(s), Array.from(new BigUint64Array(s.buffer)));
try { s[0] = 1; } catch (e) { console.log(e.constructor.name); }
try { new BigInt64Array([1]); } catch (e) { console.log(e.constructor.name); }
try { new Int8Array(new BigInt64Array(1)); } catch (e) { console.log(e.constructor.name); }
console.log(s.includes(-1n), s.indexOf(-1n), s.join("/"));
