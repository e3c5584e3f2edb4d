// Statements in eval produce completion values.
console.log(eval("1; if (true) { 2; }"));
console.log(eval("var x = 5;"));
console.log(eval("for (let i = 0; i < 3; i++) i * 10;"));
console.log(eval("switch (1) { case 1: 'one'; }"));
console.log(eval("try { 'try'; } finally { 'fin'; }"));
