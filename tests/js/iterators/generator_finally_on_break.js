// Breaking out of for-of over a generator runs the generator's finally block.
function* g() {
  try { yield 1; yield 2; yield 3; } finally { console.log("generator finally"); }
}
for (const x of g()) {
  console.log("got", x);
  if (x === 2) break;
}
console.log("after loop");
