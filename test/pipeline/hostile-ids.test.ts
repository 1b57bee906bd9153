import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeId, encodeId, idProblem, reportFileName } from '../../pipeline/report-files.js';
import { cli, tempDir, type Report } from '../helpers.js';

// Issue 11: ids come from file names and from manifests nobody checked; each must map to a file
// inside <out>/reports/, reversibly and without collisions, or be refused with its own error.
const HOSTILE: Array<[string, string]> = [
  ['parent traversal', '../../escape'],
  ['deeper traversal', '../../../../../../tmp/framescope-escape'],
  ['absolute path', '/etc/passwd'],
  ['windows separators', '..\\..\\windows\\escape'],
  ['drive letter', 'C:\\Users\\x'],
  ['dot', '.'],
  ['dot dot', '..'],
  ['hidden file', '.bashrc'],
  ['NUL byte', 'a\u0000b'],
  ['newline', 'line\nbreak'],
  ['escape char', 'esc\u001b[31m'],
  ['C1 control', 'c1\u0085x'],
  ['DEL', 'del\u007f'],
  ['device name', 'CON'],
  ['device name with extension', 'nul.txt'],
  ['device name in lowercase', 'lpt1'],
  ['trailing dot', 'name.'],
  ['trailing space', 'name '],
  ['percent literal', '%2F'],
  ['percent then its encoding', '/'],
  ['windows reserved characters', 'a<b>c:d"e|f?g*h'],
  ['non-Latin id', 'статья-42'],
  ['emoji id', 'news-📰'],
  ['200-byte id', 'x'.repeat(200)],
];

describe('document ids as report file names', () => {
  it.each(HOSTILE)('%s: stays one plain file name, and decodes back', (_label, id) => {
    const name = reportFileName(id);
    expect(name).not.toMatch(/[/\\\u0000-\u001f\u007f-\u009f<>:"|?*]/u);
    expect(name.startsWith('.')).toBe(false);
    expect(encodeId(id)).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
    expect(encodeId(id)).not.toMatch(/[. ]$/);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(decodeId(encodeId(id))).toBe(id);
    expect(idProblem(id)).toBeNull();
  });

  it('gives every id of the table its own name', () => {
    const names = HOSTILE.map(([, id]) => reportFileName(id));
    expect(new Set(names).size).toBe(names.length);
  });

  it('leaves ordinary ids as they are, so existing reports keep their names', () => {
    for (const id of ['000_ed984b15d838caf1', 'article774145019', 'tass-2022-03-01_a.b', 'Nový článek']) expect(reportFileName(id)).toBe(`${id}.json`);
  });

  it('refuses an id longer than 200 bytes, or one too long once encoded, with input/bad-id', () => {
    expect(idProblem('x'.repeat(201))?.code).toBe('input/bad-id');
    expect(idProblem('ж'.repeat(101))?.code).toBe('input/bad-id');
    expect(idProblem('/'.repeat(90))?.code).toBe('input/bad-id');
    expect(idProblem('')?.code).toBe('input/bad-id');
  });
});

describe('framescope run with a hostile manifest and odd file names', () => {
  const root = tempDir();
  const corpus = join(root, 'a', 'corpus');
  const out = join(root, 'a', 'b', 'out');
  const text = 'The minister said the West was to blame for the crisis. Officials in Kyiv rejected the claim on Monday and called it an invasion.\n';
  const fileIds = ['CON', 'a:b', '%41', 'x\u0001y', 'name ', 'nul.txt2', 'article'];
  const tooLong = 'z'.repeat(300);
  let result: Awaited<ReturnType<typeof cli>>;
  let before: string[];

  const tree = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? [`${relative(root, join(dir, e.name))}/`, ...tree(join(dir, e.name))] : [relative(root, join(dir, e.name))]));

  beforeAll(async () => {
    mkdirSync(corpus, { recursive: true });
    for (const id of fileIds) writeFileSync(join(corpus, `${id}.txt`), text);
    const rows = HOSTILE.map(([, id]) => id).filter((id) => !/[\n]/.test(id));
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    writeFileSync(join(corpus, 'manifest.csv'), ['id,outlet', ...rows.map((id) => `${quote(id)},Hostile`), `${tooLong},Hostile`, 'article,Hostile'].join('\n') + '\n');
    before = tree(root);
    result = await cli(['run', corpus, '--out', out, '--workers', '2', '--quiet']);
  });

  it('runs the batch to the end (exit 1: the manifest rows without files failed)', () => {
    expect(result.code, result.stderr).toBe(1);
  });

  it('writes nothing outside --out', () => {
    const outRel = `${relative(root, out)}/`;
    const after = tree(root).filter((p) => !p.startsWith(outRel));
    // The only new path outside <out> is <out>'s parent folder, made to hold it.
    expect(after.filter((p) => !before.includes(p))).toEqual(['a/b/']);
    expect(before.filter((p) => !after.includes(p))).toEqual([]);
  });

  it('writes every report as a plain file directly in reports/, with its id unchanged inside', () => {
    const names = readdirSync(join(out, 'reports'));
    for (const n of names) expect(statSync(join(out, 'reports', n)).isFile()).toBe(true);
    const ids = names.map((n) => (JSON.parse(readFileSync(join(out, 'reports', n), 'utf8')) as Report).id).sort();
    // Manifest values are trimmed (RFC 4180 cells padded for reading), so the row "name " is the id "name".
    const expected = [...new Set([...fileIds, ...HOSTILE.map(([, id]) => id.trim()).filter((id) => !/\n/.test(id))])].sort();
    expect(ids).toEqual(expected);
    for (const n of names) expect(decodeId(n.replace(/\.json$/, ''))).toBe((JSON.parse(readFileSync(join(out, 'reports', n), 'utf8')) as Report).id);
  });

  it('analyses the odd file names as documents', () => {
    for (const id of fileIds) {
      const r = JSON.parse(readFileSync(join(out, 'reports', reportFileName(id)), 'utf8')) as Report;
      expect(r.status, id).toBe('ok');
    }
  });

  it('records a manifest row without its file, and an id too long for a file name, in run.json', () => {
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { failures: Array<{ id: string; code: string; message: string }> };
    const byId = new Map(run.failures.map((f) => [f.id, f]));
    expect(byId.get('../../escape')?.code).toBe('input/missing-file');
    expect(byId.get('a\u0000b')?.code).toBe('input/missing-file');
    expect(byId.get(tooLong)?.code).toBe('input/bad-id');
    expect(byId.get(tooLong)?.message).toMatch(/300 bytes long/);
    expect(readdirSync(join(out, 'reports')).some((n) => n.startsWith('zzz'))).toBe(false);
  });
});
