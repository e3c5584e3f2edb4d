// A small tokenizer driven by a sticky regular expression with named groups.
const TOKEN = /\s*(?:(?<num>\d+(?:\.\d+)?)|(?<id>[A-Za-z_]\w*)|(?<op>[-+*\/()=]))/y;

function tokenize(text) {
  const tokens = [];
  TOKEN.lastIndex = 0;
  let m;
  while (TOKEN.lastIndex < text.length && (m = TOKEN.exec(text)) !== null) {
    const [kind, value] = Object.entries(m.groups).find(([, v]) => v !== undefined);
    tokens.push(`${kind}:${value}`);
  }
  return tokens;
}

console.log(tokenize("x = 3.5 * (y + 42)"));
console.log(tokenize("  total=price*qty-1"));
