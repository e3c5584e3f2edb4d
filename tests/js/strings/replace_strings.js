// replace and replaceAll with string patterns and replacement functions.
console.log("aaa".replace("a", "b"), "aaa".replaceAll("a", "b"));
console.log("a-b-c".replace("-", (m) => `[${m}]`), "price: X".replace("X", "$$5"));
console.log("hello".replace("l", "$&$&"), "abc".replace("", "_"));
