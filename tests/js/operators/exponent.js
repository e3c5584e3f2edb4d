// The ** operator: right associativity, negative bases, and **=.
console.log(2 ** 3 ** 2, (2 ** 3) ** 2, (-2) ** 2, 2 ** -2, 0 ** 0, NaN ** 0, 1 ** Infinity);
let x = 3;
x **= 2;
console.log(x, (-8) ** (1 / 3), 4 ** 0.5);
