// TextDecoder takes UTF-8's labels, trimmed of ASCII whitespace, in any case
for (const label of [undefined, 'utf-8', 'UTF-8', 'utf8', ' \tUtf8\n', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8']) {
  console.log(JSON.stringify(label), new TextDecoder(label).encoding);
}
for (const label of ['utf-9', '', 'utf 8', null, 'u\u00a0tf8']) {
  try { new TextDecoder(label); console.log('accepted'); } catch (e) { console.log(e.constructor.name, e.message); }
}
