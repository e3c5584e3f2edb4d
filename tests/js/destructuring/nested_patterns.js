// Nested object and array patterns.
const data = { user: { name: "ann", tags: ["admin", "dev"] }, list: [[1, 2], [3, 4]] };
const { user: { name, tags: [firstTag, ...otherTags] }, list: [[, two], [three]] } = data;
console.log(name, firstTag, otherTags.join(), two, three);
