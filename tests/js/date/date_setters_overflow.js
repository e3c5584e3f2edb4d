// Setter arguments out of range roll over into the neighbouring fields.
const d = new Date(Date.UTC(2024, 0, 31));
d.setUTCMonth(1); console.log(d.toISOString());
d.setUTCDate(0); console.log(d.toISOString());
d.setUTCHours(48); console.log(d.toISOString());
d.setUTCMonth(-13); console.log(d.toISOString());
d.setUTCFullYear(2024, 1, 29); console.log(d.toISOString());
d.setUTCFullYear(2023); console.log(d.toISOString());
d.setUTCMilliseconds(8.64e15); console.log(d.getTime());
