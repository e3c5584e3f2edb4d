// An error thrown by the loop body wins over an error thrown by return().
const it = {
  [Symbol.iterator]() { return { next: () => ({ value: 1, done: false }), return() { throw new Error("from return"); } }; },
};
try { for (const x of it) throw new Error("from body"); } catch (e) { console.log(e.message); }
try { for (const x of it) break; } catch (e) { console.log(e.message); }
