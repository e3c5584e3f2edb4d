// Destructuring in function parameters with defaults.
function draw({ x = 0, y = 0, color = "black" } = {}) { return `${x},${y},${color}`; }
console.log(draw(), draw({ x: 5 }), draw({ color: "red", y: 1 }));
const sum = ([a, b] = [1, 2], ...[c = 10]) => a + b + c;
console.log(sum(), sum([3, 4]), sum([1, 1], 1));
