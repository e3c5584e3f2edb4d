// Methods get this from the object they are called on, including through the chain.
const proto = { describe() { return `${this.name} (${this.constructor === Object})`; } };
const a = Object.assign(Object.create(proto), { name: "a" });
const b = { name: "b", describe: proto.describe };
console.log(a.describe(), b.describe());
