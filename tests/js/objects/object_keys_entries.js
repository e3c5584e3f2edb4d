// Object.keys, values and entries list own enumerable string properties.
const o = { a: 1, b: [2], c: "three" };
Object.defineProperty(o, "hidden", { value: 0, enumerable: false });
console.log(Object.keys(o).join(","));
console.log(Object.values(o).length, Object.values(o)[2]);
for (const [k, v] of Object.entries(o)) console.log(k, v);
console.log(Object.keys("ab").join(), Object.keys([7, 8]).join());
