// Prefix and postfix ++/-- on variables and properties, with conversion.
let i = 5;
console.log(i++, i, ++i, i, i--, i, --i, i);
const o = { n: "5" };
console.log(o.n++, o.n, typeof o.n);
let s = "x";
s++;
console.log(s);
const arr = [1];
arr[0]++;
++arr[0];
console.log(arr[0]);
