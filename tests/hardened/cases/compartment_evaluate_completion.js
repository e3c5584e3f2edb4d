// evaluate returns the completion value of the code
const c = new Compartment();
console.log(c.evaluate(''), c.evaluate('1; 2'), c.evaluate('if (true) { "yes" } else { "no" }'), c.evaluate('for (var i = 0; i < 3; i++) i'));
