// Iterating Object.entries and array entries with destructuring.
const scores = { ann: 3, bob: 5 };
let total = 0;
for (const [name, score] of Object.entries(scores)) { console.log(name, score); total += score; }
console.log(total);
