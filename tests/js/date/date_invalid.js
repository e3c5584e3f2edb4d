// An invalid Date: getters give NaN, string forms say Invalid Date, it is still a Date.
const d = new Date("not a date");
console.log(d.getTime(), d.getFullYear(), d.getUTCDay(), d.getTimezoneOffset(), isNaN(d));
console.log(String(d), d.toDateString(), d.toTimeString(), d.toUTCString(), d.toLocaleTimeString());
console.log(d instanceof Date, Object.prototype.toString.call(d), JSON.stringify(d));
