// Set add/has/delete/size/clear; add returns the set; duplicates are ignored.
const s = new Set();
console.log(s.add(1) === s, s.add(1).add(2).size);
console.log(s.has(1), s.has(3), s.delete(1), s.delete(1), s.size);
s.add("2").add(2);
console.log([...s], s.size);
s.clear();
console.log(s.size, [...s]);
