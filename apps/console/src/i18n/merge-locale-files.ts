export type Messages = { [key: string]: string | Messages };

/**
 * The translation of each language from its feature files (`.../<language>/<feature>.json`). Two files
 * may not define the same top-level key: a feature's texts live in its own file.
 */
export function mergeLocaleFiles(
  files: { path: string; content: Record<string, unknown> }[],
  languages: readonly string[],
): Record<string, { translation: Messages }> {
  const resources: Record<string, { translation: Messages }> = {};
  for (const language of languages) resources[language] = { translation: {} };
  for (const { path, content } of files) {
    const language = path.split('/').at(-2) ?? '';
    const target = resources[language]?.translation;
    if (!target) throw new Error(`${path}: not a language of the console`);
    for (const [key, value] of Object.entries(content)) {
      if (key in target) throw new Error(`${path}: "${key}" is already defined by another file`);
      target[key] = value as Messages;
    }
  }
  return resources;
}
