// Strings compare by UTF-16 code units.
console.log("a" < "b", "Z" < "a", "aa" < "b", "😀" > "\uFFFF", "😀" < "\uFFFF".repeat(2));
console.log(["b", "a", "C", "😀", "\uFFFF"].sort().map((s) => s.charCodeAt(0)).join());
