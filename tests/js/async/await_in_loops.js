// Sequential awaits in a loop versus Promise.all.
const wait = (v) => new Promise((r) => setTimeout(() => r(v), 1));
(async () => {
  const out = [];
  for (let i = 0; i < 3; i++) out.push(await wait(i));
  console.log("sequential", out.join());
  const all = await Promise.all([3, 4, 5].map(wait));
  console.log("parallel", all.join());
})();
