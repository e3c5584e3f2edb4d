// Every form of `export default`, and the names anonymous definitions get.
import fnAnon from "./fn-anon.mjs";
import fnNamed from "./fn-named.mjs";
import clsAnon from "./cls-anon.mjs";
import arrow from "./arrow.mjs";
import value, { named } from "./expr.mjs";
import renamed from "./renamed.mjs";
import gen from "./gen.mjs";
console.log(fnAnon.name, fnAnon());
console.log(fnNamed.name, fnNamed());
console.log(clsAnon.name, new clsAnon().hello());
console.log(arrow.name, arrow());
console.log(value, named);
console.log(renamed);
console.log(gen.name, [...gen()].join(","));
