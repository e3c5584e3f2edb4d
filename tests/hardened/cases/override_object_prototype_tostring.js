// assigning toString on a plain object works after lockdown (override by assignment)
lockdown();
const o = {};
o.toString = () => 'mine';
console.log(String(o), Object.keys(o).join(), Object.getOwnPropertyDescriptor(o, 'toString').enumerable);
