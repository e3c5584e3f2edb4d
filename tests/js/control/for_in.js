// for-in enumerates own and inherited enumerable string keys, integers first.
const proto = { inherited: 1 };
const o = Object.create(proto);
o.b = 1; o[2] = 1; o.a = 1; o[1] = 1;
Object.defineProperty(o, "hidden", { value: 1, enumerable: false });
const keys = [];
for (const k in o) keys.push(k);
console.log(keys.join(","));
for (const i in ["x", "y"]) console.log(typeof i, i);
for (const k in null) console.log("never");
for (const k in "ab") console.log(k);
