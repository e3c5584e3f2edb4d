// Unicode escapes in identifiers and strings.
const \u0061bc = "via escape";
console.log(abc);
const ümlaut = "non-ASCII identifier";
console.log(ümlaut, "\u00fc" === "ü", "\u{1F600}" === "\uD83D\uDE00");
