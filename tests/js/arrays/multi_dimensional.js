// Arrays of arrays: building a matrix and transposing it.
const m = [[1, 2, 3], [4, 5, 6]];
const t = m[0].map((_, i) => m.map((row) => row[i]));
console.log(t.map((r) => r.join(" ")).join(" | "));
const grid = Array.from({ length: 3 }, () => new Array(3).fill("."));
grid[1][1] = "#";
console.log(grid.map((r) => r.join("")).join("/"));
