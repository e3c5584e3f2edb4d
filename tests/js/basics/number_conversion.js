// ToNumber of strings, booleans, null, undefined, arrays and objects.
console.log(Number(""), Number("  12  "), Number("1e3"), Number("0x1f"), Number("0b11"), Number("0o7"));
console.log(Number("12px"), Number("-"), Number("+5"), Number("-.5"), Number(".e1"));
console.log(Number(true), Number(false), Number(null), Number(undefined));
console.log(Number([]), Number([7]), Number([1, 2]), Number({}), Number("Infinity"), Number("-Infinity"));
console.log(+"3", -"3", +"", +" \n", +"1_000");
