// Computed keys in patterns are evaluated once, in order.
let i = 0;
const src = { k0: "zero", k1: "one" };
const { [`k${i++}`]: first, [`k${i++}`]: second } = src;
console.log(first, second, i);
