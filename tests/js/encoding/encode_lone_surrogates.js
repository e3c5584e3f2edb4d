// Lone surrogates are encoded as U+FFFD (EF BF BD); pairs stay one character
const enc = new TextEncoder();
for (const s of ['\ud800', '\udc00', 'a\ud800b', '\ud800\ud800\udc00', '\udc00\ud800', 'x\ud83d']) {
  console.log(Array.from(enc.encode(s), b => b.toString(16)).join(' '));
}
