// an object inheriting from Array.prototype can take its own push
lockdown();
const a = Object.create(Array.prototype);
a.push = function () { return 'own push'; };
console.log(a.push(), Object.prototype.hasOwnProperty.call(a, 'push'));
