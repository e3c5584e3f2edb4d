// length and indexing on string primitives are read-only and never create properties.
const s = "hello";
console.log(s.length, s[0], s[4], s[5], s["length"], "length" in Object(s));
console.log(Object.getOwnPropertyDescriptor(Object(s), "length").writable);
