// Calling a class constructor without new throws TypeError.
class A {}
try { A(); } catch (e) { console.log(e instanceof TypeError); }
try { A.call({}); } catch (e) { console.log(e instanceof TypeError); }
console.log(new A() instanceof A);
