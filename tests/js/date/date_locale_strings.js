// toLocaleString, toLocaleDateString and toLocaleTimeString in node's default en-US form.
const dates = [new Date(2024, 0, 2, 3, 4, 5), new Date(2024, 11, 31, 12, 0, 0), new Date(2024, 6, 4, 0, 5, 9),
  new Date(2024, 6, 4, 23, 59, 59)];
for (const d of dates) console.log(d.toLocaleString(), "|", d.toLocaleDateString(), "|", d.toLocaleTimeString());
console.log(new Date(NaN).toLocaleString(), new Date(NaN).toLocaleDateString());
