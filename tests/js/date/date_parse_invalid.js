// Strings that are not dates parse to NaN, and new Date of them is an Invalid Date.
const inputs = ["", "x", "03:04:05", "2024-13-01", "2024-01-02T3:04:05Z", "2024-01-02T23:60:00Z",
  "-000000-01-01T00:00:00Z", "2000-01-01TZ", "Mon, 32 Jan 2024", "Jan 1 2000 13:00 PM",
  "2024-01-02T03:04:05+05", "+275760-09-13T00:00:00.001Z", "2024-01-02T24:00:00.001Z"];
for (const s of inputs) console.log(JSON.stringify(s), Date.parse(s), String(new Date(s)));
console.log(Date.parse(), Date.parse(null), Date.parse({ toString: () => "2024-01-02" }));
