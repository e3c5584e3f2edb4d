// Number.prototype.toString with radix, toFixed and Number.isInteger.
console.log((10).toString(2), (0.5).toString(2), (35).toString(36), (-10).toString(16));
console.log((1.005).toFixed(2), (12.3456).toFixed(1), (0).toFixed(2), (1e21).toFixed(2));
console.log(Number.isInteger(5), Number.isInteger(5.5), Number.isInteger("5"));
console.log(1..toString(), 2.0.toString(), (3).valueOf());
