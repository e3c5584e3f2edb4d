// Date() without new returns a string for the current time and ignores its arguments.
const s = Date(0);
console.log(typeof s, typeof Date(), s === new Date(0).toString(), s.endsWith(")"));
const parsed = Date.parse(s);
console.log(Math.abs(parsed - Date.now()) < 60000, typeof new Date(), new Date() instanceof Date);
