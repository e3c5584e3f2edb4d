// Errors are ordinary objects: extra properties, freezing, and being caught as values.
const e = new Error("base");
e.code = "E_CODE";
e.details = { retry: true };
try { throw e; } catch (c) { console.log(c === e, c.code, c.details.retry, Object.keys(c).join()); }
