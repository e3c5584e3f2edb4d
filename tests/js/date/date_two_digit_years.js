// Years 0..99 given to the constructor and Date.UTC mean 1900..1999; setFullYear takes them literally.
console.log(new Date(Date.UTC(0, 0)).getUTCFullYear(), new Date(Date.UTC(99, 0)).getUTCFullYear());
console.log(new Date(Date.UTC(100, 0)).getUTCFullYear(), new Date(Date.UTC(-1, 0)).getUTCFullYear());
const d = new Date(Date.UTC(2000, 0));
d.setUTCFullYear(5);
console.log(d.getUTCFullYear(), d.toISOString());
console.log(new Date(Date.UTC(1.5, 0)).getUTCFullYear(), new Date(Date.UTC(99.9, 0)).getUTCFullYear());
