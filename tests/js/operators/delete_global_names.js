// Sloppy `delete name` deletes a configurable global property; var-declared and built-in ones stay.
x = 1;
var y = 2;
console.log(delete x, typeof x, delete y, typeof y, delete NaN, delete notThere);
