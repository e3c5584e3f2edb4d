// break and continue with labels on nested loops.
outer: for (let i = 0; i < 3; i++) {
  for (let j = 0; j < 3; j++) {
    if (j === 1) continue outer;
    if (i === 2) break outer;
    console.log(i, j);
  }
}
let n = 0;
loop: while (true) {
  n++;
  do { if (n > 2) break loop; continue loop; } while (false);
}
console.log("n", n);
