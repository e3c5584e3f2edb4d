// the start compartment's own Function and eval still evaluate after lockdown
lockdown();
console.log(Function('return 6 * 7')(), (0, eval)('1 + 1'));
console.log(Object.isFrozen(Function), Object.isFrozen(eval));
