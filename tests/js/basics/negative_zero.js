// -0: creation, equality, Object.is, division, and printing.
const nz = -0;
console.log(nz === 0, Object.is(nz, 0), Object.is(nz, -0));
console.log(1 / nz, 1 / 0, 1 / (0 * -1));
console.log(String(nz), nz + "", `${nz}`, [nz].join());
console.log(nz, -0 + 0, -0 - 0, 0 * -5, Math.round(-0.4));
console.log(Object.is(-0 % 5, -0), Object.is(5 % -5, 0), Object.is(-5 % 5, -0));
