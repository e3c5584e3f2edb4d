// for await over an array of promises and plain values awaits each element.
const items = [Promise.resolve("p1"), "plain", new Promise((r) => setTimeout(() => r("late"), 5))];
(async () => {
  for await (const x of items) console.log(x);
})();
