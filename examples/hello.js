// The first caplet app: a greeting, a class with a private field, and an async tick.
class Counter {
  #count = 0;
  next() {
    return ++this.#count;
  }
}

const counter = new Counter();
const greet = (name = "board") => `hello, ${name}!`;

async function main() {
  for (const who of ["pico", "esp32"]) {
    console.log(greet(who), counter.next());
  }
  await null;
  return counter?.next() ?? 0;
}

main();
