// {stream: true} keeps a character cut between chunks; the final call flushes
const dec = new TextDecoder();
const bytes = new TextEncoder().encode('a€😀b');
const parts = [];
for (let i = 0; i < bytes.length; i++) parts.push(dec.decode(bytes.subarray(i, i + 1), { stream: true }));
parts.push(dec.decode());
console.log(JSON.stringify(parts));
console.log(JSON.stringify(dec.decode(new Uint8Array([0xf0, 0x9f]), { stream: true })), JSON.stringify(dec.decode()));
console.log(JSON.stringify(dec.decode(new Uint8Array([0xf0, 0x9f]), { stream: true })), JSON.stringify(dec.decode(new Uint8Array([0x41]))));
