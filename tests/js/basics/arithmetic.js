// Basic arithmetic operators and precedence.
console.log(1 + 2 * 3, (1 + 2) * 3, 10 / 4, 10 % 3, -10 % 3, 10 % -3);
console.log(2 ** 10, 2 ** -1, (-2) ** 3, 2 ** 3 ** 2);
console.log(7 - 3 - 2, 100 / 10 / 5, 5.5 % 2);
console.log(0.1 + 0.2, 0.3 - 0.1, 1.1 * 3);
