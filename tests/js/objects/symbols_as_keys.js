// Symbols as property keys are not listed by keys/for-in but by getOwnPropertySymbols.
const s = Symbol("tag");
const o = { [s]: 1, plain: 2 };
console.log(o[s], Object.keys(o).join(), Object.getOwnPropertySymbols(o).length);
console.log(s.toString(), s.description, typeof s);
console.log(Symbol("a") === Symbol("a"), Symbol.for("a") === Symbol.for("a"), Symbol.keyFor(Symbol.for("a")));
