// Date.parse of the ISO format: date-only is UTC, date-time without offset is local, offsets apply.
const inputs = ["2024-01-02", "2024-01", "2024", "2024-01-02T03:04", "2024-01-02T03:04:05",
  "2024-01-02T03:04:05.678", "2024-01-02T03:04:05Z", "2024-01-02T03:04:05.1Z", "2024-01-02T03:04:05+05:30",
  "2024-01-02T03:04:05-08:00", "+012345-06-07T00:00:00Z", "-000001-01-01T00:00:00Z",
  "2024-01-02T24:00:00Z", "2024-01-02T03:04:05.123456Z", "2024-01-02t03:04:05z"];
for (const s of inputs) console.log(s, Date.parse(s));
