// Lone surrogates survive in strings; codePointAt returns the unit.
const hi = "\uD83D";
console.log(hi.length, hi.charCodeAt(0).toString(16), hi.codePointAt(0).toString(16));
const pair = hi + "\uDE00";
console.log(pair.length, pair.codePointAt(0).toString(16), pair === "😀");
console.log([..."a\uD800b"].length);
