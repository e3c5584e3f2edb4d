// in and instanceof bind tighter than logical operators and looser than arithmetic.
const o = { 3: "three" };
console.log(1 + 2 in o, "x" in o || "3" in o, [] instanceof Array && !({} instanceof Array));
