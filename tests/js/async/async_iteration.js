// for await over an async generator.
async function* countdown(n) {
  while (n > 0) { await null; yield n--; }
}
(async () => {
  for await (const x of countdown(3)) console.log("got", x);
  console.log("loop done");
})();
