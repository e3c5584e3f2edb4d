// Objects too long for one line (over 72 characters) print one property per line.
console.log({ alpha: "aaaaaaaaaa", beta: "bbbbbbbbbb", gamma: "cccccccccc", delta: "dddddddddd" });
console.log({ short: 1, list: ["one", "two", "three", "four", "five", "six", "seven"] });
