// Number to string: shortest round-trip digits, exponent thresholds.
console.log(1 / 3, 2 / 3, 100 / 3, 0.1 * 3);
console.log(1e21, 1e20, 123456789012345680000, 1.5e-7, 0.000001, 0.0000001);
console.log(1.7976931348623157e308, 5e-324, 2 ** 53, 2 ** 53 + 1);
console.log(-1.5e-10, 1.23e+25, 100, 1e2, 12.50, 3.0);
console.log(String(0.000001234), String(123e-20), String(1e100));
