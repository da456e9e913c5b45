import type { RenderedMail } from './notification';

export interface MailContent {
  subject: string;
  heading: string;
  paragraphs: string[];
  /** Rows of a small two-column table (order lines, totals). */
  rows?: [string, string][];
  links?: { label: string; url: string }[];
  storeName: string;
}

/**
 * One layout for every e-mail, as plain text and HTML. In the text part each link stands whole
 * on its own line (mail clients make it clickable, and copying it cannot cut the token off).
 */
export function renderMail(content: MailContent): RenderedMail {
  const text = [
    content.heading,
    '',
    ...content.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(content.rows?.length ? [...content.rows.map(([left, right]) => `${left}  ${right}`), ''] : []),
    ...(content.links ?? []).flatMap((link) => [`${link.label}:`, link.url, '']),
    `— ${content.storeName}`,
    '',
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<h1>${escapeHtml(content.heading)}</h1>`,
    ...content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    content.rows?.length
      ? `<table>${content.rows.map(([left, right]) => `<tr><td>${escapeHtml(left)}</td><td style="text-align:right">${escapeHtml(right)}</td></tr>`).join('')}</table>`
      : '',
    ...(content.links ?? []).map((link) => `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`),
    `<p>— ${escapeHtml(content.storeName)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: content.subject, text, html };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
