// sort is stable: equal elements keep their relative order.
const people = [
  { n: "ann", age: 30 }, { n: "bob", age: 25 }, { n: "cid", age: 30 },
  { n: "dee", age: 25 }, { n: "eve", age: 30 }, { n: "fay", age: 25 },
];
people.sort((a, b) => a.age - b.age);
console.log(people.map((p) => p.n).join(","));
const letters = "dcbaDCBA".split("");
letters.sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
console.log(letters.join(""));
