// Template literals: expressions, nesting, multi-line and escapes.
const a = 2, b = 3;
console.log(`${a} + ${b} = ${a + b}`, `${`nested ${a * b}`}`, `\${not} \` backtick`);
console.log(`line1
line2`);
console.log(`${[1, 2]} ${{}} ${null} ${undefined} ${() => 1}`);
