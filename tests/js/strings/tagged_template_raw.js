// String.raw keeps backslashes; invalid escapes are undefined when cooked in a tag.
console.log(String.raw`C:\new\table${1 + 1}`);
function cooked(s) { return [s[0], s.raw[0]]; }
const [c, r] = cooked`\unicode`;
console.log(c, r);
