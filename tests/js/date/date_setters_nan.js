// On an invalid date most setters return NaN (after converting their arguments); setFullYear revives it.
const d = new Date(NaN);
let converted = 0;
const arg = { valueOf() { converted++; return 1; } };
console.log(d.setHours(arg), d.setMonth(arg), d.setUTCDate(arg), converted);
console.log(d.setFullYear(2020), d.toISOString());
const e = new Date(0);
console.log(e.setHours(), e.getTime(), e.setFullYear(2000, NaN), e.setTime(), e.setYear(NaN));
