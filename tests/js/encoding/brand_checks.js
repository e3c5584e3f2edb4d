// Methods and getters refuse objects that are not a TextEncoder / TextDecoder
const getters = (C, name) => Object.getOwnPropertyDescriptor(C.prototype, name).get;
const attempts = [
  () => TextEncoder.prototype.encode.call({}, 'a'),
  () => TextEncoder.prototype.encodeInto.call(new TextDecoder(), 'a', new Uint8Array(2)),
  () => getters(TextEncoder, 'encoding').call(new TextDecoder()),
  () => TextDecoder.prototype.decode.call(new TextEncoder()),
  () => getters(TextDecoder, 'fatal').call(Object.create(TextDecoder.prototype)),
  () => getters(TextDecoder, 'encoding').call(undefined),
  () => TextEncoder.prototype.encoding,
];
for (const attempt of attempts) {
  try { attempt(); console.log('accepted'); } catch (e) { console.log(e.constructor.name, e.message); }
}
