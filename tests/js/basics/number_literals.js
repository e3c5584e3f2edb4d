// Numeric literal forms: decimal, hex, octal, binary, exponent, separators, leading dot.
console.log(255, 0xff, 0o377, 0b11111111);
console.log(1e3, 2.5e-3, .5, 5., 1_000_000);
console.log(0.1, 1E2, 0XAB, 0B101, 0O17);
