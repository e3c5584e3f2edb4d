// console.log of Maps: sizes, => between key and value, nesting, extra properties, subclasses.
console.log(new Map(), new Map([["a", 1], ["b", 2]]));
console.log(new Map([[{ k: 1 }, [1, 2]], [NaN, null]]));
const nested = new Map([["inner", new Map([["deep", new Map([["deeper", 1]])]])]]);
console.log(nested, [nested]);
const withProp = new Map([[1, 1]]);
withProp.note = "hi";
console.log(withProp);
class Registry extends Map {}
console.log(new Registry([["r", true]]), { m: new Map([[1, "x"]]) });
