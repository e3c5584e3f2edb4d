const x = "renamed default";
export { x as default };
