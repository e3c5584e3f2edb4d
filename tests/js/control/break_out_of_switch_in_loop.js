// break inside switch leaves the switch; continue inside switch continues the loop.
const out = [];
for (let i = 0; i < 5; i++) {
  switch (i % 3) {
    case 0: out.push("zero"); break;
    case 1: continue;
    default: out.push("two");
  }
  out.push("end" + i);
}
console.log(out.join(" "));
