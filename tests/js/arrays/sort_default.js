// Default sort compares strings; undefined goes last, holes after.
const nums = [10, 9, 1, 100, 25];
console.log(nums.sort().join());
console.log(["b", undefined, "a", , "c"].sort().join("|"));
console.log([3, 1, 2].sort((a, b) => b - a).join());
