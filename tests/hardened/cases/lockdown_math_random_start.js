// the start compartment keeps Math.random after lockdown
lockdown();
const r = Math.random();
console.log(typeof r, r >= 0 && r < 1, Object.isFrozen(Math));
