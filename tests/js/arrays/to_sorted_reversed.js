// The ES2023 copying methods toSorted, toReversed, toSpliced and with.
const a = [3, 1, 2];
console.log(a.toSorted().join(), a.toReversed().join(), a.join());
console.log(a.toSpliced(1, 1, "x", "y").join(), a.with(0, 9).join(), a.join());
