// Date.prototype methods reject receivers that are not Date objects.
const calls = [
  () => Date.prototype.getDate.call({}),
  () => Date.prototype.toString.call(1),
  () => Date.prototype.setTime.call({}),
  () => Date.prototype.valueOf.call(Date.prototype),
  () => Date.prototype.toISOString.call({}),
];
for (const c of calls) {
  try { c(); } catch (e) { console.log(e.constructor.name, e.message); }
}
console.log(Object.prototype.toString.call(Date.prototype));
