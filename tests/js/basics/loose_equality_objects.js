// == with objects compares identity or converts through valueOf/toString.
const o = { valueOf() { return 42; } };
const p = { toString() { return "hi"; } };
console.log(o == 42, o == "42", p == "hi", o == o, {} == {});
console.log([1, 2] == "1,2", [] == "", [null] == "", [undefined] == 0);
console.log(null == undefined, null == 0, undefined == false, NaN == NaN);
