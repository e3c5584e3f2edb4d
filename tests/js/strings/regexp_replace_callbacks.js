// String.prototype.replace with a replacer function, $-patterns and named groups.
const dates = "2024-01-31, 1999-12-01 and 2000-02-29";
const re = /(?<y>\d{4})-(?<m>\d\d)-(?<d>\d\d)/g;
console.log(dates.replace(re, "$<d>/$<m>/$<y>"));
console.log(dates.replace(re, (all, y, m, d, offset, input, groups) =>
  `${groups.d}.${m}.${y}@${offset}`));
console.log("camelCaseWordsHere".replace(/[A-Z]/g, (c) => "_" + c.toLowerCase()));
console.log("a-b-c".replaceAll(/-/g, "$&$&"), "price: $5".replace(/\$(\d)/, "$$$1.00"));
console.log("x".replace(/(y)?x/, "[$1]"), "abc".replace(/(?:)/g, "."));
