// Arrows see new.target of the function they are in, also through eval.
function F() { return (() => (() => new.target)())(); }
console.log(new F() === F, F());
function G() { const a = () => eval("new.target"); return a(); }
console.log(new G() === G, G());
