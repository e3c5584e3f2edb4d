// Bare specifiers: node_modules, package exports with conditions and subpaths.
import clsx from "clsx";
import { clsx as named } from "clsx";
import lite from "clsx/lite";
import { walk } from "zimmerframe";
console.log(clsx("a", { b: true, c: false }, ["d", ["e"]]), named === clsx);
console.log(lite("x", false, "y"));
const tree = { type: "Add", left: { type: "Num", value: 1 }, right: { type: "Num", value: 2 } };
const doubled = walk(tree, null, {
  Num(node) { return { ...node, value: node.value * 2 }; },
});
console.log(JSON.stringify(doubled));
