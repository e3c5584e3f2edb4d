// Object.assign copies own enumerable properties, calling getters and setters.
const target = { a: 1, set b(v) { this.seen = v; } };
const src = { get b() { return "got"; }, c: 3 };
const r = Object.assign(target, src, null, { a: 9 });
console.log(r === target, target.a, target.seen, target.c);
console.log(Object.keys(Object.assign({}, "ab")).join());
