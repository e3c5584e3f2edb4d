// Returning multiple values through arrays and objects.
function minMax(list) { return [Math.min(...list), Math.max(...list)]; }
function stats(list) { return { count: list.length, sum: list.reduce((s, x) => s + x, 0) }; }
const [min, max] = minMax([4, 9, 1]);
const { count, sum } = stats([4, 9, 1]);
console.log(min, max, count, sum);
