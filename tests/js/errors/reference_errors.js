// Unresolvable names and TDZ accesses throw ReferenceError.
const cases = [
  () => missingName,
  () => { missingTarget = 1; "use strict"; },
  () => { "use strict"; missingStrict = 1; },
  () => { tdz; let tdz; },
];
for (const f of cases) {
  try { f(); console.log("ok"); } catch (e) { console.log(e.name); }
}
console.log(typeof missingTarget);
