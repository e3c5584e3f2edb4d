// + with mixed operand types: strings win, objects use valueOf first.
const n = { valueOf() { return 5; }, toString() { return "five"; } };
console.log(n + 1, n + "1", "1" + n, n + n, [n] + "", true + 1, null + 1, undefined + 1);
