// before lockdown the intrinsics are ordinary, mutable objects
console.log(Object.isFrozen(Object.prototype), Object.isFrozen(Array));
Array.prototype.myExtra = 1;
console.log([].myExtra);
delete Array.prototype.myExtra;
console.log([].myExtra);
