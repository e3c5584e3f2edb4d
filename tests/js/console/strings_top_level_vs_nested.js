// A top-level string prints raw; the same string inside an array is quoted and escaped.
const s = "it's\n";
console.log(s);
console.log([s]);
console.log("%s", s);
