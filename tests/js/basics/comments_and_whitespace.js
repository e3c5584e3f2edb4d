// Comments and unusual whitespace are ignored by the parser.
/* block */ const a = /* inline */ 1; // line
const b = 2 /*
multi-line
*/ + 3;
console.log(a, b);
const c = 1	+	2;
console.log(c);
