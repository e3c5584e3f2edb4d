// hasOwnProperty, Object.hasOwn and propertyIsEnumerable.
const o = Object.create({ inherited: 1 });
o.own = 1;
console.log(o.hasOwnProperty("own"), o.hasOwnProperty("inherited"), Object.hasOwn(o, "own"));
console.log(o.propertyIsEnumerable("own"), [1].propertyIsEnumerable("length"));
