// Backtracking details ECMAScript fixes: captures reset per iteration, lookbehind,
// backreferences, lazy quantifiers, case folding and word boundaries.
console.log(/(z)((a+)?(b+)?(c))*/.exec("zaacbbbcac"));
console.log(/(a)|\1b/.exec("b"), /(?<=(\d+)(\d+))$/.exec("1053"), /(?<=\1(a))b/.exec("aab"));
console.log(/a+?b*?/.exec("aabb")[0], /(a|ab)(c|bcd)(d*)/.exec("abcd"));
console.log(/\u212A/i.test("k"), /\u212A/iu.test("k"), /[a-z]/i.test("K"), /\w/u.test("é"));
console.log("one two".replace(/\b/g, "|"), /^$/m.test("a\n\nb"), /a.b/s.test("a\u2028b"));
console.log(/(?=(\w+))\w*\1/.exec("abc"), /x{2,}?/.exec("xxxx")[0], /(?:a?)*?b/.test("aab"));
