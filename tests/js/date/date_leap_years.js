// Leap years follow the Gregorian rules (every 4th, not every 100th, every 400th).
for (const y of [1900, 2000, 2023, 2024, 2100, 2400, 0, -4]) {
  const d = new Date(Date.UTC(2000, 1, 29));
  d.setUTCFullYear(y);
  console.log(y, d.getUTCMonth() === 1 ? "leap" : "common", d.toISOString());
}
