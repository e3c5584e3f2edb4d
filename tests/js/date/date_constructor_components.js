// new Date(y, m, ...) reads local time components; getters give them back.
const d = new Date(2024, 1, 29, 13, 45, 30, 250);
console.log(d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(),
  d.getSeconds(), d.getMilliseconds());
const rolled = new Date(2023, 1, 29);
console.log(rolled.getMonth(), rolled.getDate(), new Date(2024, 0).getDate(), new Date(2024, 14, 1).getFullYear());
console.log(new Date(98, 5).getFullYear(), new Date(2024, 0, 1, 0, -1).getFullYear());
console.log(new Date(2024, 0, 1, 12).getTime() - new Date(2024, 0, 1).getTime());
