// String at() and codePointAt() on mixed BMP and astral text.
const s = "ab🎉";
console.log(s.at(-1) === "\uDF89", s.at(-2) === "\uD83C", s.codePointAt(2).toString(16));
console.log(s.codePointAt(3).toString(16), s.at(0), s.at(3).length, s.at(4));
