// Date.prototype.toString, toDateString and toTimeString in node's format.
const d = new Date(2024, 0, 2, 3, 4, 5);
console.log(d.toString());
console.log(d.toDateString(), "|", d.toTimeString());
console.log(String(new Date(2000, 11, 31, 23, 59, 59)), `${new Date(1969, 6, 20, 20, 17)}`);
console.log(new Date(Date.UTC(-1, 0, 1, 12)).toDateString(), new Date(Date.UTC(12345, 5, 6, 12)).toDateString());
