// Arrays longer than 100 items are truncated with "... n more items".
const a = Array.from({ length: 120 }, () => 0);
console.log(a);
