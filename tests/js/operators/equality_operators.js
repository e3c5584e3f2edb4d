// ==, !=, === and !== across types.
console.log(1 == "1", 1 != "1", 1 === "1", 1 !== "1");
console.log(null == false, undefined == null, null === undefined, "" == 0, "0" == false);
const s = Symbol();
console.log(s == s, s === s, Object(s) == s);
