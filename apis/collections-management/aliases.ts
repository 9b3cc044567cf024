/**
 * The documented variants of a field name (the document's example spells it one way, its table
 * another): both are accepted, the table's spelling goes to the core, and sending both with
 * different values is refused rather than guessed.
 */
export function takeAlias(o: Record<string, any> | undefined, canonical: string, variant: string, at: string, problems: string[]): void {
  if (!o || !(variant in o)) return;
  if (canonical in o && JSON.stringify(o[canonical]) !== JSON.stringify(o[variant])) {
    problems.push(`fields ${at}.${canonical} and ${at}.${variant} are the same field spelled two ways: send one`);
    return;
  }
  o[canonical] ??= o[variant];
  delete o[variant];
}

/** Joins problems into one errorDesc: "Field a ...; field b ...". */
export const describeProblems = (problems: string[]): string => {
  const text = problems.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};
