/**
 * Joins a path named in a test file (`assessment: ../tan-phong.yaml`) to the test file's folder,
 * without node:path, so the stage stays browser-safe. Both `/` and `\` separate segments; the
 * result uses the separator of the test file's path.
 */
export function resolveRelative(fromFile: string, reference: string): string {
  if (reference.startsWith('/') || reference.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(reference)) return reference;
  const separator = fromFile.includes('\\') && !fromFile.includes('/') ? '\\' : '/';
  const parts = fromFile.split(/[\\/]/);
  parts.pop(); // the test file's own name
  for (const segment of reference.split(/[\\/]/)) {
    if (segment === '' || segment === '.') continue;
    const last = parts[parts.length - 1];
    if (segment === '..' && last !== undefined && last !== '..' && last !== '' && last !== '.') parts.pop();
    else parts.push(segment);
  }
  const joined = parts.join(separator);
  return joined === '' ? '.' : joined;
}
