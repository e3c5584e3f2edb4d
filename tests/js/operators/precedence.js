// Operator precedence and associativity in mixed expressions.
console.log(1 + 2 * 3 ** 2, (1 + 2) * 3, 10 - 2 - 3, 2 * 3 % 4, 1 < 2 === true);
console.log(!1 + 1, (-2) ** 2, -(2 ** 2), typeof 1 + 1, !!"" + 1);
console.log(1 || 0 && 0, (1 || 0) && 0, null ?? (0 || 2));
