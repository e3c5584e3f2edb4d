// Typed arrays with elements cannot be frozen; empty ones can, and then take no new properties.
try { Object.freeze(new Uint8Array(1)); } catch (e) { console.log(e.constructor.name); }
const empty = Object.freeze(new Uint8Array(0));
console.log(Object.isFrozen(empty), Object.isExtensible(empty));
empty.extra = 1;
console.log(empty.extra, Object.isSealed(Object.seal(new Int8Array())));
