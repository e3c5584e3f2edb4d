// if / else if / else chains and dangling else.
function classify(n) {
  if (n < 0) return "neg";
  else if (n === 0) return "zero";
  else if (n < 10) return "small";
  else return "big";
}
console.log(classify(-1), classify(0), classify(5), classify(50));
if (true) if (false) console.log("no"); else console.log("dangling else binds inner");
if (0) ; else console.log("empty then");
