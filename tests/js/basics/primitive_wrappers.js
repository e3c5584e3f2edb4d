// Primitive wrapper objects: typeof, equality, property access on primitives.
const n = new Number(5), s = new String("ab"), b = new Boolean(false);
console.log(typeof n, typeof s, typeof b, n == 5, n === 5, b ? "truthy" : "falsy");
console.log(s.length, s[1], "ab".length, (5).constructor === Number);
const p = "str";
p.extra = 1;
console.log(p.extra);
console.log(Object(1) instanceof Number, Object("x") instanceof String);
