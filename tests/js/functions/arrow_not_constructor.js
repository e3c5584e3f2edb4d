// Arrow functions and methods cannot be used with new.
const arrow = () => {};
const obj = { m() {} };
for (const f of [arrow, obj.m]) {
  try { new f(); } catch (e) { console.log(e instanceof TypeError); }
}
console.log("prototype" in arrow, "prototype" in obj.m, "prototype" in function () {});
