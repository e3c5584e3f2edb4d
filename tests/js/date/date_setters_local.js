// The local-time setters replace fields and return the new time value.
const d = new Date(2024, 0, 31, 10, 20, 30, 400);
console.log(d.setMonth(1) === d.getTime(), d.getMonth(), d.getDate());
d.setDate(15); d.setHours(1, 2, 3, 4);
console.log(d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
d.setFullYear(2020, 5, 6); d.setMinutes(7, 8); d.setSeconds(9, 10); d.setMilliseconds(11);
console.log(d.getFullYear(), d.getMonth(), d.getDate(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
console.log(Date.prototype.setHours.length, Date.prototype.setFullYear.length, Date.prototype.setMilliseconds.length);
