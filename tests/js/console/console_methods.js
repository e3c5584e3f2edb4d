// console.error, warn, info and debug print like log.
console.error("error", "x");
console.warn("warn", [1]);
console.info("info", 1);
console.debug("debug", [2]);
console.log("log", { a: 3 });
