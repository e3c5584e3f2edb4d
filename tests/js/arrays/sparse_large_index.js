// Assigning a large index makes a sparse array with a large length.
const a = [];
a[1000] = 1;
console.log(a.length, Object.keys(a).length, a.indexOf(1));
a.length = 0;
console.log(a[1000], a.length);
