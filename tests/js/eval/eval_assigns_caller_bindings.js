// eval code assigns the caller's bindings and sees the completion value
function setter() { var t = 1; let u = 2; eval("t = 10; u = 20"); return t + u; }
console.log(setter());
console.log(eval("1; if (true) { 2; }"), eval("var a1 = 5;"), eval(""), eval(42));
let counter = 0;
for (let i = 0; i < 3; i++) eval("counter += i");
console.log(counter);
