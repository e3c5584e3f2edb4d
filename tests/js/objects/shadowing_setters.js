// Assignment through the chain calls inherited setters and respects inherited read-only.
const proto = {};
Object.defineProperty(proto, "ro", { value: 1, writable: false });
let set = null;
Object.defineProperty(proto, "acc", { set(v) { set = v; } });
const o = Object.create(proto);
o.ro = 2;
o.acc = 3;
console.log(o.ro, o.hasOwnProperty("ro"), set, o.hasOwnProperty("acc"));
