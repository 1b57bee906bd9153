import { describe, expect, it } from 'vitest';
import type { Doc } from '../../pipeline/document.js';
import { checkOrder, runStages } from '../../pipeline/runner.js';
import type { Stage } from '../../pipeline/stage.js';

const stage = (name: string, requires: Stage['requires'], assigns: Stage['assigns'], run: Stage['run'] = () => 'x' as never): Stage => ({ name, requires, assigns, run });
const doc = (): Doc => ({ id: 'd', source: { path: 'd.txt', outlet: null, url: null, date: null, language: null }, bytes: new Uint8Array(), diagnostics: [] });

describe('stage runner', () => {
  it('refuses a stage whose requirement no earlier stage assigns', () => {
    expect(() => checkOrder([stage('tokenize', ['segment'], 'tokens'), stage('segment', ['text'], 'segment')])).toThrow(/\[E001\] stage "tokenize" requires "segment"/);
  });

  it('refuses two stages that assign the same slot', () => {
    expect(() => checkOrder([stage('a', [], 'text'), stage('b', [], 'text')])).toThrow(/\[E002\]/);
  });

  it('stops a stage that writes outside its own slot, failing only that document', () => {
    const rogue = stage('rogue', [], 'text', (d) => {
      (d as Doc).segment = { metadata: {} } as never;
      return 'x';
    });
    const d = doc();
    const outcome = runStages([rogue], d);
    expect(outcome.status).toBe('failed');
    expect(outcome.reason?.code).toBe('rogue/crash');
    expect(d.segment).toBeUndefined();
  });

  it('records a skip and does not run later stages', () => {
    const ran: string[] = [];
    const skipper = stage('language', [], 'language', (_d, ctx) => {
      ctx.skipRest('language/not-english', 'the text is in Russian');
      return 'ru';
    });
    const later = stage('later', [], 'segment', () => {
      ran.push('later');
      return {} as never;
    });
    const d = doc();
    expect(runStages([skipper, later], d).status).toBe('partial');
    expect(ran).toEqual([]);
    expect(d.language).toBe('ru');
  });
});
