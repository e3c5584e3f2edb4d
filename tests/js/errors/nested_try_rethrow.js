// Inner handlers can handle some errors and rethrow others.
function handle(value) {
  try {
    try {
      throw value;
    } catch (e) {
      if (e instanceof RangeError) return "inner handled " + e.message;
      throw e;
    }
  } catch (e) {
    return "outer handled " + (e instanceof Error ? e.name : e);
  }
}
console.log(handle(new RangeError("r")), handle(new TypeError("t")), handle("str"));
