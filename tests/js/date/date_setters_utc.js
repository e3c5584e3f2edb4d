// The UTC setters replace UTC fields without any time zone adjustment.
const d = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6));
d.setUTCFullYear(1999); d.setUTCMonth(11, 31); d.setUTCHours(23, 59, 59, 999);
console.log(d.toISOString());
d.setUTCDate(32); console.log(d.toISOString());
d.setUTCMinutes(-1); console.log(d.toISOString());
d.setUTCSeconds(3600); d.setUTCMilliseconds(-1);
console.log(d.toISOString(), d.setTime(0), d.toISOString(), d.setTime("86400000"));
