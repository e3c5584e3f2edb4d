// charAt, charCodeAt, codePointAt and out-of-range indices.
const s = "Hello";
console.log(s.charAt(0), s.charAt(10) === "", s.charCodeAt(1), s.charCodeAt(10), s.codePointAt(10));
console.log(String.fromCharCode(72, 105), String.fromCharCode(0x10041), s[-1], s.at(-1));
