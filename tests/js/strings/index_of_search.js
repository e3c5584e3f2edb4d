// indexOf, lastIndexOf, includes, startsWith and endsWith.
const s = "the cat sat on the mat";
console.log(s.indexOf("at"), s.indexOf("at", 6), s.lastIndexOf("at"), s.indexOf("dog"), s.indexOf(""));
console.log(s.includes("sat"), s.startsWith("the"), s.startsWith("cat", 4), s.endsWith("mat"), s.endsWith("cat", 7));
