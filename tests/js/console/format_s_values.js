// %s formats non-string values the way console.log would.
console.log("%s|%s|%s|%s", 1, null, undefined, true);
console.log("%s", -0);
console.log("%s %s", [1, 2], { a: 1 });
