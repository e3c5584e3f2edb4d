// at() with negative indices; negative bracket indices are ordinary properties.
const a = [10, 20, 30];
console.log(a.at(0), a.at(-1), a.at(-4), a.at(5));
a[-1] = "neg";
console.log(a.length, a[-1], a.at(-1));
