// console.log shows Dates as ISO strings, Invalid Date when invalid, and subclasses with a prefix.
console.log(new Date(0), new Date(NaN), [new Date(86400000)], { at: new Date(Date.UTC(2024, 1, 29)) });
class Stamp extends Date {}
console.log(new Stamp(0));
const withProp = new Date(0);
withProp.label = "x";
console.log(withProp);
