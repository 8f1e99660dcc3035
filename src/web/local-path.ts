/** Only a path of this site: never another host (`//evil`, `https://…`), so sign-in cannot be used to send someone away. */
export function localPath(next: unknown, fallback = '/'): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) ? next : fallback;
}
