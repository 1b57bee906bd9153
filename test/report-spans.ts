/** A span-like object of a report: text with its start and end, and where in the report it sits. */
export interface ReportSpan {
  text: string;
  start: number;
  end: number;
  where: string;
}

/**
 * Every span-like object in a report (anything with text/start/end) under removed, comments,
 * entities, frames, rhetoric and diagnostics: what the tests and the fuzzer check against
 * text[start:end]. Plain code, no test framework, so the fuzzer's build can use it too.
 */
export function spans(report: Record<string, unknown>): ReportSpan[] {
  const out: ReportSpan[] = [];
  const walk = (v: unknown, where: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${where}[${i}]`));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.text === 'string' && typeof o.start === 'number' && typeof o.end === 'number') out.push({ text: o.text, start: o.start, end: o.end, where });
      for (const [k, x] of Object.entries(o)) if (k !== 'text') walk(x, `${where}.${k}`);
    }
  };
  for (const k of ['removed', 'comments', 'entities', 'frames', 'rhetoric', 'diagnostics']) walk(report[k], k);
  return out;
}
