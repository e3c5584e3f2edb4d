// Date.UTC builds time values from components, with defaults, overflow and two-digit years.
console.log(Date.UTC(2024, 0, 2, 3, 4, 5, 6), Date.UTC(2024), Date.UTC(2024, 1));
console.log(Date.UTC(2024, 12, 1), Date.UTC(2024, -1, 1), Date.UTC(2024, 0, 0), Date.UTC(2024, 0, 1, 25));
console.log(Date.UTC(99, 0), Date.UTC(100, 0), Date.UTC(0, 0), Date.UTC(-1, 0));
console.log(Date.UTC(), Date.UTC(NaN), Date.UTC(2024, NaN), Date.UTC(2024, 0, 1.9, 1.5));
console.log(Date.UTC(275760, 8, 13), Date.UTC(275760, 8, 13, 0, 0, 0, 1), Date.UTC(-271821, 3, 20));
