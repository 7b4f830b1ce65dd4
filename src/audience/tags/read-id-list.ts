// Reads an uploaded list of external ids: one per line (a CSV's first column, quotes allowed), an
// optional `external_id` header, blank lines skipped.
export function readIdList(text: string): string[] {
  const ids: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const id = firstField(lines[i]!).trim();
    if (id === '' || (i === 0 && /^external_?id$/i.test(id))) continue;
    ids.push(id);
  }
  return ids;
}

function firstField(line: string): string {
  const t = line.trimStart();
  if (!t.startsWith('"')) return t.split(',')[0]!;
  const m = /^"((?:[^"]|"")*)"/.exec(t);
  return m ? m[1]!.replace(/""/g, '"') : t.slice(1);
}
