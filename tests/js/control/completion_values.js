// Statements in eval produce completion values.
console.log(eval("1; if (true) { 2; }"));
console.log(eval("var x = 5;"));
console.log(eval("for (let i = 0; i < 3; i++) i * 10;"));
console.log(eval("switch (1) { case 1: 'one'; }"));
console.log(eval("try { 'try'; } finally { 'fin'; }"));
console.log(eval("1; try {} finally {2}"), eval("3; try { 4 } catch (e) {}"), eval("5; try { throw 1 } catch (e) { 6 } finally { 7 }"))
