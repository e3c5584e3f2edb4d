// A throw in an async function rejects its promise; await rethrows rejections.
async function fails() { throw new RangeError("async boom"); }
async function caller() {
  try { await fails(); } catch (e) { return "caught " + e.name; }
}
caller().then(console.log);
fails().catch((e) => console.log("rejected:", e.message));
const p = fails();
p.catch(() => {});
console.log(p instanceof Promise);
