// fill and copyWithin with negative indices.
console.log(new Array(4).fill(0).join(), [1, 2, 3, 4].fill(9, 1, -1).join());
console.log([1, 2, 3, 4, 5].copyWithin(0, 3).join(), [1, 2, 3, 4, 5].copyWithin(1, -2, -1).join());
