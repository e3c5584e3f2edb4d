// Compound assignment operators.
let x = 10;
x += 5; console.log(x);
x -= 3; console.log(x);
x *= 2; console.log(x);
x /= 4; console.log(x);
x %= 4; console.log(x);
x **= 3; console.log(x);
x = 13;
x <<= 2; console.log(x);
x >>= 1; console.log(x);
x >>>= 1; console.log(x);
x &= 6; console.log(x);
x |= 9; console.log(x);
x ^= 5; console.log(x);
