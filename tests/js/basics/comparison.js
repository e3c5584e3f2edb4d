// Relational comparison of numbers, strings and mixed types.
console.log(1 < 2, 2 < 1, 1 <= 1, 2 >= 3);
console.log("a" < "b", "B" < "a", "10" < "9", 10 < 9, "10" < 9);
console.log(null >= 0, null > 0, undefined > 0, undefined < 0, NaN < 1, NaN >= 1);
console.log("abc" < "abcd", "" < "a", [2] > 1, "2" > "12");
