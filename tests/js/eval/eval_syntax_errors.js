// a syntax error in eval code is a catchable SyntaxError; let clashes too
try { eval("let a = ;"); } catch (e) { console.log(e instanceof SyntaxError, e.name); }
function clash() { let v = 1; { eval("var v = 2"); } }
try { clash(); } catch (e) { console.log(e instanceof SyntaxError); }
try { eval("new.target"); } catch (e) { console.log(e.name); }
function nt() { return eval("new.target === undefined"); }
console.log(nt());
