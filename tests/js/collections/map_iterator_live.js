// A Map iterator keeps its place while most entries are deleted (and the table compacts).
const m = new Map();
for (let i = 0; i < 200; i++) m.set(i, i * i);
const it = m.entries();
console.log(it.next().value, it.next().value);
for (let i = 0; i < 190; i++) m.delete(i);
m.set("late", 1);
const rest = [];
for (const [k] of it) rest.push(k);
console.log(rest.join(","), it.next().done, m.size);
