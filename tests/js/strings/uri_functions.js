// encodeURI/decodeURI(Component) and escape/unescape: round trips, reserved sets, malformed input.
const samples = ["a b&c=d/e?f#g", "ü€𝄞", "-_.!~*'()", ";/?:@&=+$,#", "%", "100%", ""];
for (const s of samples) {
  console.log(JSON.stringify([encodeURI(s), encodeURIComponent(s), escape(s)]));
  console.log(decodeURIComponent(encodeURIComponent(s)) === s, decodeURI(encodeURI(s)) === s,
              unescape(escape(s)) === s);
}
console.log(decodeURI("%3B%2F%3F%23%41%c3%bC"), decodeURIComponent("%3B%2F%3F%23%41"));
for (const bad of ["%", "%4", "%zz", "%C3", "%C3%28", "%E0%80%80", "%ED%A0%80", "%F4%90%80%80", "%FF", "%80"]) {
  try { decodeURIComponent(bad); console.log("no error", bad); } catch (e) { console.log(e.name, bad); }
}
for (const bad of ["\uD800", "\uDC00x", "a\uD800b"]) {
  try { encodeURIComponent(bad); } catch (e) { console.log(e.name, e instanceof URIError); }
}
console.log(unescape("%u0041%41%zz%u12%"), escape("\u0100\xff@*_+-./ "));
console.log(encodeURI.length, decodeURIComponent.name, encodeURIComponent(undefined), encodeURI(12.5));
