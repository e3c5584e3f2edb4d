// length counts UTF-16 code units: a non-BMP character is two units.
const s = "a😀b";
console.log(s.length, s.charCodeAt(1), s.charCodeAt(2), s.codePointAt(1), s.codePointAt(2));
console.log("😀".length, "é".length, "e\u0301".length, "\u{10FFFF}".length);
console.log(s[1] === "\uD83D", s[2] === "\uDE00", s.charAt(1) === s[1]);
