// Array indices are property keys: "1" and 1 name the same element.
const a = ["x", "y"];
console.log(a["1"], a[1.0], a["01"], Object.keys(a).map((k) => typeof k).join());
a["2"] = "z";
console.log(a.length);
