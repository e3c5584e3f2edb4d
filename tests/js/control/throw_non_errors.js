// Any value can be thrown and caught: numbers, strings, objects, undefined.
for (const v of [42, "str", { code: 7 }, undefined, null, [1, 2]]) {
  try {
    throw v;
  } catch (e) {
    console.log(typeof e, e === v, e instanceof Error);
  }
}
