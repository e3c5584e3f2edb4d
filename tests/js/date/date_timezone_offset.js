// getTimezoneOffset agrees with the offset printed by toString and the local/UTC getters.
for (const d of [new Date(2024, 0, 15, 12), new Date(2024, 6, 15, 12), new Date(1990, 3, 1)]) {
  const off = d.getTimezoneOffset();
  const sign = off <= 0 ? "+" : "-";
  const abs = Math.abs(off);
  const text = `GMT${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
  console.log(off, d.toString().includes(text), (d.getHours() - d.getUTCHours() + 24) % 24 === ((-off / 60) % 24 + 24) % 24);
}
