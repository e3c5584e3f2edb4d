// Anonymous functions in field initialisers take the field name (private ones with the #).
var s = Symbol("d"); class C { static #f = () => 1; static g = function(){}; h = () => 1; static [s] = () => 1; #i = function(){}; static pf() { return C.#f.name; } pi() { return this.#i.name; } } console.log(C.pf(), C.g.name, new C().h.name, C[s].name, new C().pi())
