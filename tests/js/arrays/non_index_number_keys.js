// Number keys that are not array indices (NaN, ±Infinity, fractions, -0) on arrays and strings.
var a = [1, 2];
console.log(a[NaN], a[Infinity], a[-0], a[1.5], a[-1]);
a[NaN] = 3;
a[Infinity] = 4;
a[-Infinity] = 5;
a[2.5] = 6;
console.log(a.length, a.NaN, a.Infinity, a["-Infinity"], a["2.5"]);
console.log("ab"[NaN], "ab"[Infinity], "ab"[1], "ab"[-0], "ab"[0.5]);
