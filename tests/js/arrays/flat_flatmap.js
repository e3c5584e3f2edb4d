// flat with depths and flatMap.
const nested = [1, [2, [3, [4]]]];
console.log(nested.flat().length, nested.flat(2).length, nested.flat(Infinity).join());
console.log([1, 2].flatMap((x) => [x, x * 10]).join(), [[1], [2]].flatMap((x) => x).join());
console.log([1, , 3].flat().length);
