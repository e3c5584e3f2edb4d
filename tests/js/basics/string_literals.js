// String literal escapes: \n, \t, \x, \u, \u{...}, line continuation, quotes.
console.log("a\tb".length, 'it\'s', "say \"hi\"");
console.log("\x41\u0042\u{43}", "\u{1F600}".length);
console.log("line\
continued");
console.log("\0".charCodeAt(0), "\v".charCodeAt(0), "\b".charCodeAt(0), "\f".charCodeAt(0));
console.log("a\nb");
