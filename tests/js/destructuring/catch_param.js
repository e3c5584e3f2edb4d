// Destructuring the catch parameter.
try { throw new Error("msg"); } catch ({ name, message }) { console.log(name, message); }
try { throw [1, 2]; } catch ([a, b]) { console.log(a + b); }
