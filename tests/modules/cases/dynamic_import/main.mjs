// import() from a module, from a function, twice (one namespace), and failures.
const first = await import("./lib.mjs");
const again = await import("./lib.mjs");
console.log(first === again, first.value);
function later(spec) { return import(spec); }
const viaFunction = await later("./lib.mjs");
console.log(viaFunction === first);
const p = import("./lib.mjs");
console.log(p instanceof Promise);
const thrower1 = await import("./throws.mjs").catch((e) => e);
const thrower2 = await import("./throws.mjs").catch((e) => e);
console.log(thrower1.message, thrower1 === thrower2);
const bad = await import({ toString() { return "./lib.mjs"; } });
console.log(bad === first);
const options = await import("./lib.mjs", 5).catch((e) => e.name);
console.log(options);
console.log(await import("./syntax-error.mjs").then(() => "loaded", (e) => e.name));
