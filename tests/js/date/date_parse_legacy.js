// Date.parse of the strings toString, toUTCString and common hand-written forms produce.
const d = new Date(2024, 6, 4, 15, 30, 45);
console.log(Date.parse(d.toString()) === d.getTime(), Date.parse(d.toUTCString()) === d.getTime());
const inputs = ["Tue, 02 Jan 2024 03:04:05 GMT", "Jan 2 2024", "January 2, 2024 10:00:00", "2024/01/02",
  "1/2/2024", "1/2/2024, 3:04:05 PM", "2 January 2024", "Jan 2 2024 10:00 PM EST", "12/31/69",
  "Thu, 01 Jan 1970 00:00:00 GMT+0100", "Sat, 01-Jan-2000 08:00:00 GMT", "Jan 1, 99", "Jan 1, 49",
  "2024-01-02 03:04:05", "Tuesday, January 2, 2024", "Jan 2, 2024 UTC+0530", "1 Jan 2000 10:00:00 PST",
  "Jan 1 2000 12:00 AM", "Jan 1 2000 12:00 PM", "  2024-01-02  "];
for (const s of inputs) console.log(JSON.stringify(s), Date.parse(s));
