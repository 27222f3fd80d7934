/**
 * The screen a kiosk shows when its configuration file is missing or wrong: for the staff who
 * installs it, in plain words, with the file's path and every problem. No script, no way out; the
 * kiosk does nothing else until the file is fixed and the kiosk restarted.
 */

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The error page's HTML. Every piece of text from the file is escaped. */
export function configErrorHtml(file: string, problems: readonly string[]): string {
  const items = problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Paso a Paso: configuration needed</title>
<style>body{font:32px/1.4 system-ui,sans-serif;margin:64px;color:#000;background:#fff}code{font-size:28px}li{margin:16px 0}</style>
</head><body>
<h1>This kiosk is not configured yet</h1>
<p>Fuera de servicio. Out of order.</p>
<p>For staff: the configuration file <code>${escapeHtml(file)}</code> has these problems:</p>
<ul>${items}</ul>
<p>Fix the file (see docs/kiosk-lockdown.md for an example) and restart the kiosk.</p>
</body></html>`;
}

/** The page as a `data:` URL the window can load without the app protocol. */
export function configErrorUrl(file: string, problems: readonly string[]): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(configErrorHtml(file, problems))}`;
}
