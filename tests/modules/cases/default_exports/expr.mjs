let n = 40;
export default n + 2;
n = 0;
export const named = n;
