import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { renderScript, renderText } from '../render-template.js';
import { parseTemplate, positionAt, templateVariables } from './parse-template.js';

function syntaxError(text: string): { message: string; details: Record<string, unknown> } {
  try {
    parseTemplate(text);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('TEMPLATE_SYNTAX');
    return { message: (e as AppError).message, details: (e as AppError).details as Record<string, unknown> };
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(text)}`);
}

describe('parseTemplate', () => {
  it('splits text and variables with their defaults', () => {
    const parts = parseTemplate('{{contact.name | 亲}}，你好！{{ koc.name }}在等你');
    expect(parts).toEqual([
      { kind: 'var', name: 'contact.name', fallback: '亲' },
      { kind: 'text', text: '，你好！' },
      { kind: 'var', name: 'koc.name', fallback: null },
      { kind: 'text', text: '在等你' },
    ]);
    expect(templateVariables(parts)).toEqual(['contact.name', 'koc.name']);
  });

  it('reports an unknown variable at its line and column', () => {
    const e = syntaxError('早安\n今天 {{contact.age}} 岁');
    expect(e.details).toMatchObject({ line: 2, column: 6, position: 9, variable: 'contact.age' });
    expect(e.message).toContain('unknown variable "contact.age"');
  });

  it('reports an unclosed {{ where it opens, also when another tag follows', () => {
    expect(syntaxError('你好 {{contact.name').details).toMatchObject({ line: 1, column: 4, position: 4 });
    expect(syntaxError('a {{contact.name {{koc.name}}').details).toMatchObject({
      column: 3,
      problem: 'unclosed "{{"',
    });
  });

  it('rejects an empty name, a bad name and a stray }}', () => {
    expect(syntaxError('x{{ | 亲}}').details).toMatchObject({ problem: 'empty variable name', column: 2 });
    expect(syntaxError('{{contact..name}}').details).toMatchObject({ column: 3 });
    expect(syntaxError('好}}').details).toMatchObject({ column: 2, problem: '"}}" without a matching "{{"' });
  });

  it('counts positions in characters, not UTF-16 units', () => {
    expect(positionAt('😀a', 3)).toEqual({ position: 3, line: 1, column: 3 });
    expect(syntaxError('😀{{x.y}}').details).toMatchObject({ position: 4, column: 4 });
  });
});

describe('renderScript', () => {
  const template = '{{contact.name | 亲}}，{{product.name}}今天只要{{product.price}}元，{{campaign.link}}';

  it('fills values, takes defaults and reports what was missing', () => {
    const r = renderScript(template, { contact: { name: '' }, product: { name: '修护精华', price: 199 } });
    expect(r.text).toBe('亲，修护精华今天只要199元，');
    expect(r.used).toEqual(['product.name', 'product.price']);
    expect(r.defaulted).toEqual(['contact.name']);
    expect(r.missing).toEqual(['campaign.link']);
  });

  it('uses the contact name over the default', () => {
    const r = renderScript('{{contact.name | 亲}}在{{contact.city|你的城市}}', {
      contact: { name: '小美', city: null },
    });
    expect(r.text).toBe('小美在你的城市');
  });

  it('throws the syntax error of a bad template', () => {
    expect(() => renderScript('{{workspace.nme}}', {})).toThrow(/unknown variable "workspace.nme"/);
  });

  it("renders the same text through renderText (the flows' path, without the report)", () => {
    const contexts = [
      { contact: { name: '' }, product: { name: '修护精华', price: 199 } },
      { contact: { name: ' 小美 ' }, campaign: { link: 'https://x.test/c' } },
      {},
    ];
    for (const context of contexts)
      expect(renderText(parseTemplate(template), context)).toBe(renderScript(template, context).text);
  });
});
