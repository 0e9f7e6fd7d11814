/**
 * Division by zero inside a derived quantity. A quantity declares one `if_zero` for its whole
 * value ("income per person is unknown when the population is 0"), however deep the division
 * sits in its expression. A `/` closure that meets a zero divisor sets this flag and returns a
 * placeholder; the quantity's own closure (compile/derived.ts) clears the flag before computing,
 * and, when it was set, takes its declared value instead. Evaluation is synchronous, and each
 * quantity saves and restores the flag around itself, so quantities nested in one another each
 * apply their own `if_zero`.
 */
export const zeroDivisor = { hit: false };
