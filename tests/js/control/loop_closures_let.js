// let in a for loop gives each iteration its own binding; var shares one.
const lets = [], vars = [];
for (let i = 0; i < 3; i++) lets.push(() => i);
for (var j = 0; j < 3; j++) vars.push(() => j);
console.log(lets.map((f) => f()).join(","), vars.map((f) => f()).join(","));
const fors = [];
for (const k of ["a", "b"]) fors.push(() => k);
console.log(fors.map((f) => f()).join(","));
