// find, findIndex, findLast, findLastIndex, some and every.
const a = [3, 8, 12, 5, 20];
console.log(a.find((x) => x > 10), a.findIndex((x) => x > 10), a.find((x) => x > 100));
console.log(a.findLast((x) => x > 10), a.findLastIndex((x) => x < 0));
console.log(a.some((x) => x > 15), a.every((x) => x > 2), [].every(() => false), [].some(() => true));
