// Class bodies are strict; a class binding is in TDZ before its declaration.
try { new Early(); } catch (e) { console.log(e instanceof ReferenceError); }
class Early {
  sloppyThis() { return (function () { return this; })(); }
}
console.log(new Early().sloppyThis());
