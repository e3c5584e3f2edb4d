// BigInt literals, arithmetic and typeof.
const a = 12345678901234567890n;
console.log(typeof a, a * 2n, a + 1n, 10n / 3n, -7n % 3n, 2n ** 64n);
console.log(1n < 2, 2n == 2, 2n === 2, 0n ? "t" : "f");
try {
  console.log(1n + 1);
} catch (e) {
  console.log(e instanceof TypeError);
}
