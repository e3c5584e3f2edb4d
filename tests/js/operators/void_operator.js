// void evaluates its operand and returns undefined.
let side = 0;
console.log(void 0, void (side = 5), side, typeof void "x", void 0 === undefined);
