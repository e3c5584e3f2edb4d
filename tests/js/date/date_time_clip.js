// Time values beyond ±8.64e15 ms are invalid; fractional ones are truncated toward zero.
console.log(new Date(8.64e15).getTime(), new Date(8.64e15 + 1).getTime(), new Date(-8.64e15 - 1).getTime());
console.log(new Date(1.9).getTime(), new Date(-1.9).getTime(), Object.is(new Date(-0.5).getTime(), 0));
console.log(new Date(Infinity).getTime(), new Date("1e3").getTime(), new Date(true).getTime(), new Date(null).getTime());
console.log(new Date(undefined).getTime(), new Date(2024, 0, 1, 0, 0, 0, Infinity).getTime());
