// Array.from with iterables, array-likes and a map function; Array.of.
console.log(Array.from("héllo").length, Array.from({ length: 3 }, (_, i) => i * i).join());
console.log(Array.from({ length: 2, 0: "a", 1: "b" }).join(), Array.from([1, 2], (x) => x * 10).join());
console.log(Array.of(7).length, Array(7).length, Array.of(1, 2).join(), Array(1, 2).join());
