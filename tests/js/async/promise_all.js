// Promise.all keeps input order and fails fast; allSettled reports every outcome.
const delay = (v, ms) => new Promise((r) => setTimeout(() => r(v), ms));
Promise.all([delay("slow", 20), delay("fast", 5), 42]).then((vs) => console.log(vs.join()));
Promise.all([Promise.reject("no"), delay("x", 5)]).catch((e) => console.log("all rejected:", e));
Promise.allSettled([Promise.resolve(1), Promise.reject(2)]).then((rs) =>
  console.log(rs.map((r) => r.status + ":" + (r.value ?? r.reason)).join()));
Promise.all([]).then((v) => console.log("empty", v.length));
