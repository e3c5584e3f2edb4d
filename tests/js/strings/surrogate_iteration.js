// Iteration and spread go by code point; indexing by code unit.
const s = "x😀y🎉";
console.log([...s].length, s.length, Array.from(s).map((c) => c.length).join());
console.log(String.fromCodePoint(0x1f600) === "😀", String.fromCharCode(0xd83d, 0xde00) === "😀");
console.log(s.slice(1, 3), s.slice(1, 3) === "😀", s.split("").length);
