// toUpperCase, toLowerCase, trim family and padStart/padEnd.
console.log("MiXeD".toUpperCase(), "MiXeD".toLowerCase(), "ß".toUpperCase());
console.log(`[${"  x  ".trim()}]`, `[${"  x  ".trimStart()}]`, `[${"  x  ".trimEnd()}]`, `[${"\t\n x\u00a0".trim()}]`);
console.log("5".padStart(3, "0"), "5".padEnd(4, "ab"), "long".padStart(2), "x".padStart(5), "|");
