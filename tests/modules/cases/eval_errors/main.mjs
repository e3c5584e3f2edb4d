// An error thrown while evaluating a module is remembered: every importer sees it.
const a = await import("./uses-bad.mjs").catch((e) => e);
const b = await import("./bad.mjs").catch((e) => e);
console.log(a.message, a === b);
console.log(await import("./also-uses-bad.mjs").then(() => "ok", (e) => e === a));
