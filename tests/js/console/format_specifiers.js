// Format specifiers: %s, %d, %i, %f, %% and leftover arguments.
console.log("%s is %d years", "Ann", 42);
console.log("%i and %f", 3.9, "2.5");
console.log("100%% sure", "extra");
console.log("%s", "a", "b");
console.log("%d", "abc");
console.log("no specifiers", 1);
console.log("%s missing");
