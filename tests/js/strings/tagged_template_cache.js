// The strings array of a tagged template is frozen and cached per call site.
function id(s) { return s; }
const sites = [];
for (let i = 0; i < 2; i++) sites.push(id`same site ${i}`);
console.log(sites[0] === sites[1], Object.isFrozen(sites[0]), Array.isArray(sites[0].raw));
console.log(id`x` === id`x`);
