// parseInt and parseFloat prefixes, radixes and garbage.
console.log(parseInt("42px"), parseInt("  -17"), parseInt("0x1A"), parseInt("z", 36));
console.log(parseInt("101", 2), parseInt("abc"), parseInt(""), parseInt("08"), parseInt("1e3"));
console.log(parseFloat("3.14abc"), parseFloat(".5"), parseFloat("-.5e2"), parseFloat("Infinityx"));
console.log(parseInt(0.0000005), parseInt("12", 37), parseInt("12", 1), parseInt("12", 0));
