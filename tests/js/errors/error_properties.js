// message is an own non-enumerable property; name comes from the prototype.
const e = new TypeError("msg");
const d = Object.getOwnPropertyDescriptor(e, "message");
console.log(d.value, d.enumerable, d.writable, Object.hasOwn(e, "name"), TypeError.prototype.name);
console.log(Object.hasOwn(new Error(), "message"), Object.hasOwn(new Error(undefined), "message"));
