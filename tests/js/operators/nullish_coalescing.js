// ?? only falls back on null and undefined, unlike ||.
console.log(null ?? "d", undefined ?? "d", 0 ?? "d", "" ?? "d", false ?? "d", NaN ?? "d");
console.log(0 || "d", "" || "d", null || undefined);
let evaluated = false;
const r = "value" ?? (evaluated = true);
console.log(r, evaluated, (null || undefined) ?? "both");
