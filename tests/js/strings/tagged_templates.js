// Tagged templates receive cooked strings, raw strings and substitution values.
function tag(strings, ...values) {
  const show = (a) => "[" + a.map((s) => (s === undefined ? "undef" : `<${s}>`)).join(",") + "]";
  return `cooked ${show(strings)} raw ${show(strings.raw)} values ${show(values)}`;
}
console.log(tag`a${1}b${2}c`);
console.log(tag`\n\x41${"v"}`);
console.log(tag``);
