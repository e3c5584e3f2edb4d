// Raw template strings normalize CRLF line terminators to LF.
const t = eval("String.raw`a\r\nb`");
console.log(t.length, t.charCodeAt(1));
const u = eval("`a\r\nb`");
console.log(u.length, u.charCodeAt(1));
