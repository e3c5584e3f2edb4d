// %TypedArray%.prototype's array-like methods; results keep the element type.
const a = new Int16Array([5, -3, 10, 0, 7]);
console.log(a.map((x) => x * 1000).constructor.name, Array.from(a.map((x) => x * 10000)));
console.log(Array.from(a.filter((x) => x > 0)), a.reduce((s, x) => s + x), a.reduceRight((s, x) => s + "," + x, ""));
console.log(a.find((x) => x > 6), a.findIndex((x) => x < 0), a.findLast((x) => x > 0), a.findLastIndex((x) => x > 100));
console.log(a.every((x) => x > -5), a.some((x) => x > 9), a.indexOf(10), a.lastIndexOf(7), a.includes(0), a.at(-1));
console.log(Array.from(a.slice(1, 3)), Array.from(a.subarray(2)), a.join(), String(a), a.toString === Array.prototype.toString);
console.log(Array.from(new Uint8Array([1, 2, 3, 4, 5]).copyWithin(0, 3)), Array.from(new Uint8Array(4).fill(9, 1, 3)));
console.log(Array.from(a.toReversed()), Array.from(a.toSorted()), Array.from(a.with(0, 1)), Array.from(a));
