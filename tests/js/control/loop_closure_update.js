// Per-iteration let copies are taken before the update expression runs.
const fs = [];
for (let i = 0; i < 3; i++) {
  fs.push(() => i);
  i += 0;
}
const gs = [];
for (let i = 0; i < 6; i++) {
  gs.push(() => i);
  i++;
}
console.log(fs.map((f) => f()).join(","), gs.map((f) => f()).join(","));
