// User-created errors: name, message, toString and instanceof.
const e = new Error("something failed");
console.log(e.name, e.message, String(e), e instanceof Error);
console.log(new Error().message === "", String(new Error()), Error("no new").message);
console.log(typeof e.stack, Object.keys(e).length);
