// TextEncoder.encode gives the UTF-8 bytes of 1-, 2-, 3- and 4-byte characters
const enc = new TextEncoder();
for (const s of ['', 'A', 'é', '€', '😀', 'aé€😀z', '\u007f\u0080\u07ff\u0800\uffff']) {
  const bytes = enc.encode(s);
  console.log(JSON.stringify(s), bytes.constructor.name, bytes.length, Array.from(bytes, b => b.toString(16)).join(' '));
}
