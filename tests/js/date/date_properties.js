// Date, its statics and prototype have the spec's lengths, names and attributes.
console.log(Date.length, Date.name, Date.UTC.length, Date.parse.length, Date.prototype.constructor === Date);
const desc = Object.getOwnPropertyDescriptor(Date, "prototype");
console.log(desc.writable, desc.enumerable, desc.configurable);
const names = ["getDate", "setMonth", "toISOString", "toJSON", "toLocaleString", "getUTCDay", "setUTCHours"];
console.log(names.map((n) => `${n}:${Date.prototype[n].length}`).join(" "));
console.log(Object.keys(Date.prototype).length, typeof Date.prototype.getTime);
