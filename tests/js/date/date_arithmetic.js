// Date differences, sorting dates, and adding days with setDate.
const a = new Date(Date.UTC(2024, 0, 1)), b = new Date(Date.UTC(2024, 2, 1));
console.log((b - a) / 86400000, Math.round((b.getTime() - a.getTime()) / 3600000));
const list = [new Date(3000), new Date(1000), new Date(2000)].sort((x, y) => x - y);
console.log(list.map((d) => d.getTime()));
const c = new Date(Date.UTC(2024, 11, 30));
c.setUTCDate(c.getUTCDate() + 5);
console.log(c.toISOString(), new Date(Math.max(a, b)).toISOString());
