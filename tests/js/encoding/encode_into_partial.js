// encodeInto writes only whole characters that fit; read counts UTF-16 code units
const enc = new TextEncoder();
for (const size of [0, 1, 2, 3, 4, 5, 6, 8, 12]) {
  const dest = new Uint8Array(size).fill(0xaa);
  const r = enc.encodeInto('a€😀b', dest);
  console.log(size, r.read, r.written, Array.from(dest, b => b.toString(16)).join(' '));
}
