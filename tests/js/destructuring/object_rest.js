// Object rest collects the remaining own enumerable properties.
const { a, ...rest } = { a: 1, b: 2, c: 3 };
console.log(a, Object.keys(rest).join(), rest.b + rest.c);
const { [`${"b"}`]: computed, ...others } = { b: "B", z: "Z" };
console.log(computed, Object.keys(others).join());
