// assigning message and name on an error instance-like object works after lockdown
lockdown();
const e = Object.create(TypeError.prototype);
e.message = 'mine';
e.name = 'Mine';
console.log(e.message, e.name, Object.keys(e).join());
