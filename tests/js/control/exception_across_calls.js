// Exceptions unwind through several function frames.
function a() { b(); console.log("not reached"); }
function b() { c(); }
function c() { throw new RangeError("deep"); }
try {
  a();
} catch (e) {
  console.log(e.name, e.message);
}
