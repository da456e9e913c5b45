/** Just enough MIME for the tests: a header, and the decoded text/plain and text/html parts. */
export interface ParsedMail {
  subject: string;
  from: string;
  to: string;
  text: string;
  html: string;
}

export function parseMail(raw: string): ParsedMail {
  const [head] = splitHeadBody(raw);
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/g)].map((match) => match[1]);
  const parts = boundaries.length ? boundaries.flatMap((boundary) => raw.split(`--${boundary}`).slice(1, -1)) : [raw];
  const decoded = (type: string) => {
    const part = parts.find((candidate) =>
      new RegExp(`^\\s*content-type:\\s*${type}`, 'im').test(splitHeadBody(candidate.replace(/^\r?\n/, ''))[0]),
    );
    if (!part) return '';
    const [partHead, body] = splitHeadBody(part.replace(/^\r?\n/, ''));
    const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(partHead)?.[1].toLowerCase();
    if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
    return body;
  };
  return {
    subject: header(head, 'subject'),
    from: header(head, 'from'),
    to: header(head, 'to'),
    text: decoded('text/plain').replace(/\r\n/g, '\n'),
    html: decoded('text/html'),
  };
}

function splitHeadBody(raw: string): [string, string] {
  const index = raw.search(/\r?\n\r?\n/);
  if (index < 0) return [raw, ''];
  return [raw.slice(0, index), raw.slice(index).replace(/^\r?\n\r?\n/, '')];
}

function header(head: string, name: string): string {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const value = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded)?.[1] ?? '';
  // RFC 2047 encoded words (non-ASCII subjects)
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_all, kind: string, text: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  );
}

function decodeQuotedPrintable(body: string): string {
  const soft = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
