// Annex B getYear and setYear: years counted from 1900, two-digit setYear means 19xx.
const d = new Date(2024, 5, 15);
console.log(d.getYear(), d.setYear(99) === d.getTime(), d.getFullYear(), d.getMonth(), d.getDate());
d.setYear(2005);
console.log(d.getFullYear(), d.getYear(), new Date(NaN).getYear());
const dead = new Date(NaN);
dead.setYear(2001);
console.log(dead.getFullYear(), dead.getMonth(), dead.getDate());
