// Strings inside containers pick quotes that avoid escaping.
console.log(["it's", 'say "hi"', `both ' and "`, "back`tick"]);
console.log({ s: "line\nbreak", t: "tab\there" });
console.log(["\\"]);
