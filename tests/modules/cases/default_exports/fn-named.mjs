export default function hello() { return "named function"; }
