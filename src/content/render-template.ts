// Fills a script template for one recipient. Pure: flows, dispatch and the preview call it with what
// they know; a variable without a value takes its `| default`, else renders empty and is reported.
import { parseTemplate, type TemplatePart, type TemplateVariable } from './template/parse-template.js';

type Value = string | number | null | undefined;

export interface RenderContext {
  contact?: { name?: Value; city?: Value } | null;
  koc?: { name?: Value } | null;
  product?: { name?: Value; price?: Value } | null;
  campaign?: { name?: Value; link?: Value } | null;
  workspace?: { name?: Value } | null;
}

export interface Rendered {
  text: string;
  /** Variables filled from the context. */
  used: TemplateVariable[];
  /** Variables without a value that took their default. */
  defaulted: TemplateVariable[];
  /** Variables without a value nor a default (rendered empty). */
  missing: TemplateVariable[];
}

// Variable names split once: flows render a million messages in one enrolment.
const paths = new Map<string, [keyof RenderContext, string]>();

function lookup(context: RenderContext, name: TemplateVariable): string | null {
  let path = paths.get(name);
  if (!path) paths.set(name, (path = name.split('.') as [keyof RenderContext, string]));
  const [ns, field] = path;
  const v = (context[ns] as Record<string, Value> | null | undefined)?.[field];
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

/** Renders `template` (text, or parts from parseTemplate); bad syntax throws TEMPLATE_SYNTAX. */
export function renderScript(template: string | TemplatePart[], context: RenderContext): Rendered {
  const parts = typeof template === 'string' ? parseTemplate(template) : template;
  const used = new Set<TemplateVariable>();
  const defaulted = new Set<TemplateVariable>();
  const missing = new Set<TemplateVariable>();
  let text = '';
  for (const p of parts) {
    if (p.kind === 'text') {
      text += p.text;
      continue;
    }
    const value = lookup(context, p.name);
    if (value !== null) {
      used.add(p.name);
      text += value;
    } else if (p.fallback !== null) {
      defaulted.add(p.name);
      text += p.fallback;
    } else missing.add(p.name);
  }
  return { text, used: [...used], defaulted: [...defaulted], missing: [...missing] };
}

/** Just the text of `renderScript(parts, context)`, without the report of variables. */
export function renderText(parts: readonly TemplatePart[], context: RenderContext): string {
  let text = '';
  for (const p of parts) {
    if (p.kind === 'text') text += p.text;
    else text += lookup(context, p.name) ?? p.fallback ?? '';
  }
  return text;
}
