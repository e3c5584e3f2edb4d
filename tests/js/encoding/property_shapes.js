// The constructors and prototypes have WebIDL's shapes (enumerable methods and getters)
for (const C of [TextEncoder, TextDecoder]) {
  console.log(C.name, C.length, typeof C, Object.getPrototypeOf(C) === Function.prototype);
  const pd = Object.getOwnPropertyDescriptor(C, 'prototype');
  console.log('prototype', pd.writable, pd.enumerable, pd.configurable);
  for (const key of Object.getOwnPropertyNames(C.prototype)) {
    const d = Object.getOwnPropertyDescriptor(C.prototype, key);
    const what = 'value' in d ? typeof d.value + ' ' + (typeof d.value === 'function' ? d.value.name + '/' + d.value.length : '') + ' w=' + d.writable : 'get ' + d.get.name + ' set=' + typeof d.set;
    console.log(' ', key, what, 'e=' + d.enumerable, 'c=' + d.configurable);
  }
  const tag = Object.getOwnPropertyDescriptor(C.prototype, Symbol.toStringTag);
  console.log(' @@toStringTag', tag.value, tag.writable, tag.enumerable, tag.configurable);
}
console.log(Object.prototype.toString.call(new TextEncoder()), Object.prototype.toString.call(new TextDecoder()));
console.log(typeof globalThis.TextEncoder, Object.getOwnPropertyDescriptor(globalThis, 'TextDecoder').enumerable);
