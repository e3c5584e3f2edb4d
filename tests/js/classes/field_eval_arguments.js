// eval code in a class field initialiser (even inside an arrow) may not use `arguments`.
class A { x = () => eval("arguments"); }
try { new A().x(); console.log("no error"); } catch (e) { console.log(e.name); }
class B { x = eval("1 + 1"); }
console.log(new B().x);
