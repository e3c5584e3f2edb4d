const x = "spaced";
const y = "emoji";
export { x as "a b", y as "😀", x as plain };
