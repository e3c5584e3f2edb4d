// String objects expose index properties and length as non-writable own properties.
const s = new String("hi");
console.log(Object.keys(s).join(), s.length, Object.getOwnPropertyNames(s).join());
const d = Object.getOwnPropertyDescriptor(s, "0");
console.log(d.value, d.writable, d.enumerable, d.configurable);
console.log(1 in s, 2 in s, "length" in s);
