// UTC getters of a fixed instant, and local getters agree with the local string form.
const d = new Date(Date.UTC(2021, 11, 25, 18, 30, 15, 125));
console.log(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(),
  d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds(), d.getTime(), d.valueOf());
const pad = (n) => String(n).padStart(2, "0");
console.log(d.toTimeString().slice(0, 8) === `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`);
console.log(new Date(-1).getUTCFullYear(), new Date(-1).getUTCMilliseconds(), new Date(-86400000).getUTCDay());
