/**
 * What Zendesk's validator warns about in the text of a package's files, checked the same way here:
 * zendesk_apps_support's `Validations::Requests` (an `http:` URI in a script or page) and
 * `Validations::Secrets` (words of its secret-keyword list, and secret-looking values). Read from
 * its source (lib/zendesk_apps_support/validations/requests.rb and secrets.rb, master, 2025): the
 * rules match text, so an escaped `http:\/\/` or a word inside a sentence counts like any other.
 */

export interface PackageFile {
  /** The path inside the package, with `/`. */
  path: string;
  content: string;
}

/** Zendesk's secret-keyword list, matched case-sensitively anywhere in a text file. */
export const SECRET_KEYWORDS = [
  'password', 'secret', 'secretToken', 'secret_token', 'auth_key', 'authKey', 'auth_pass', 'authPass', 'auth_user', 'AuthUser', 'api_key',
] as const;

/** Zendesk picks its "text files" by how the name ends, not by extension: `x.json`, `x.js`, `x.html`, `x.xml`. */
const TEXT_FILE = /(html?|xml|js|json?)$/;
const SCRIPT_OR_PAGE = /\.jsx?$|\.html?$/;
const HTTP_URI = /http:[^\s"'`<>(){}]*/gi;
const KEYWORD = new RegExp(SECRET_KEYWORDS.join('|'));

/**
 * The secret-looking values Zendesk names, for the kinds a web app's files can hold. Its list has
 * more, each the exact shape of one vendor's key (Slack, AWS, GitHub…), which Herald never carries.
 */
const SECRET_SHAPES: ReadonlyArray<[kind: string, shape: RegExp]> = [
  ['Password', /password.+[\w+.-]{4}/i],
  ['Token', /token ?[:"=-].+[\w+.-]{4}/i],
  ['Private Key', /-----BEGIN (?:RSA |OPENSSH |DSA |EC |PGP )?PRIVATE KEY(?: BLOCK)?-----/],
];

/** One warning per script or page that spells an `http:` URI, listing them. */
export function insecureHttpWarnings(files: readonly PackageFile[]): string[] {
  return files.flatMap((file) => {
    if (!SCRIPT_OR_PAGE.test(file.path)) return [];
    const uris = [...new Set(file.content.match(HTTP_URI) ?? [])];
    return uris.length === 0 ? [] : [`Possible insecure HTTP request to ${uris.join(', ')} in ${file.path}. Consider using the HTTPS protocol instead.`];
  });
}

/** A warning per secret-looking value and file, then one listing every file that holds a keyword. */
export function secretWarnings(files: readonly PackageFile[]): string[] {
  const warnings: string[] = [];
  const flagged: string[] = [];
  for (const file of files) {
    if (!TEXT_FILE.test(file.path)) continue;
    for (const [kind, shape] of SECRET_SHAPES) {
      if (shape.test(file.content)) warnings.push(`Possible ${kind} found in ${file.path}. Consider reviewing the contents of this file before submitting your app.`);
    }
    const keyword = KEYWORD.exec(file.content);
    if (keyword) flagged.push(`${file.path} ('${keyword[0]}...')`);
  }
  if (flagged.length > 0) {
    warnings.push(`Possible secrets found in ${flagged.join(', ')}. Consider reviewing the contents of ${flagged.length === 1 ? 'this file' : 'these files'} before submitting your app.`);
  }
  return warnings;
}
