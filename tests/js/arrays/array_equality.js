// Arrays are compared by identity.
const a = [1], b = [1];
console.log(a === b, a == b, a === a, [] == false, [0] == false, [1] == true);
