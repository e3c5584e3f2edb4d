// More number formatting: large integers, negative exponents, rounding edges.
console.log(4.35, 0.5, 1.005, 9.95, 1e-6, 1e-5 * 3);
console.log(2 ** 64, 2 ** 70, -(2 ** 31), 2 ** 31 - 1);
console.log(123.456e5, 0.1 + 0.7, 1.1 + 2.2, 3 * 1.1);
console.log([1e21, 1e-7, 25e20, 0.00001].join(" "));
