// toString and String of arrays, nested arrays and null/undefined elements.
console.log(String([1, [2, [3]]]), [null, undefined, 1].toString(), String([]));
console.log([1, 2] + "", `${[1, 2]}`);
console.log([[], [[]], [, 1]].toString(), String([{}]));
