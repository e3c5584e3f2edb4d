// Spread and Array.from call the iterator exactly once per element.
let calls = 0;
const iterable = {
  *[Symbol.iterator]() { for (const c of "abc") { calls++; yield c.toUpperCase(); } },
};
console.log([...iterable].join(), calls);
console.log(Array.from(iterable, (x) => x + x).join(), calls);
