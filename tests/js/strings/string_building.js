// Building strings in loops with += and join.
let s = "";
for (let i = 0; i < 10; i++) s += i;
console.log(s, s.length);
const parts = [];
for (let i = 0; i < 5; i++) parts.push(String.fromCharCode(97 + i));
console.log(parts.join(""), parts.join("-").length);
