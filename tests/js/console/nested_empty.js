// Empty arrays and objects inside containers.
console.log([[], {}, [[]], { a: {} }]);
console.log({ a: [], b: [{}] });
