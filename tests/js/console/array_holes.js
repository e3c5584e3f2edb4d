// Holes in arrays print as "<n empty items>".
console.log([1, , 3]);
console.log([, ,]);
console.log(new Array(5));
console.log([1, , , , 5]);
