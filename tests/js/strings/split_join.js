// split with separators, limits and the empty string.
console.log("a,b,,c".split(",").length, "a,b,,c".split(",", 2).join("|"), "abc".split("").join("|"));
console.log("".split(",").length, "".split("").length, "abc".split().length, "a b  c".split(" ").join("|"));
