// Arrays with more than six numbers are grouped into aligned columns.
console.log([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
console.log(Array.from({ length: 26 }, (_, i) => i * i));
