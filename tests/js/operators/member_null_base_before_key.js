// null[key] throws a TypeError before the key's toString runs.
const key = { toString() { console.log("converted"); return "k"; } };
try { null[key]; } catch (e) { console.log(e instanceof TypeError); }
