// What a send step says: its script (rendered for the contact) or literal text, the
// script's materials as attachments, and the promotion / marketing flags dispatch's guardrails use.
import type { RenderedContent } from '../../channels/channel.js';
import { renderText, type RenderContext } from '../../content/render-template.js';
import { parseTemplate, type TemplatePart } from '../../content/template/parse-template.js';
import type { Db } from '../../platform/store/database.js';
import '../../content/content-tables.js';

export interface LoadedScript {
  /** Parsed once per batch: a million renders must not parse a million times. */
  parts: TemplatePart[];
  promotion: boolean;
  marketing: boolean;
  attachments: RenderedContent['attachments'];
}

/** Purposes that answer the fan rather than market to them: an opt-out does not stop these. */
const SERVICE_PURPOSES = new Set(['after_sales', 'objection']);

export async function loadScripts(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, LoadedScript>> {
  const out = new Map<string, LoadedScript>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('scripts')
    .select(['id', 'body', 'promotion', 'purpose'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...ids])
    .execute();
  for (const r of rows)
    out.set(r.id, {
      parts: parseTemplate(r.body),
      promotion: r.promotion === 1,
      marketing: !SERVICE_PURPOSES.has(r.purpose),
      attachments: [],
    });
  const mats = await db
    .selectFrom('script_materials')
    .innerJoin('materials', 'materials.id', 'script_materials.material_id')
    .select(['script_materials.script_id', 'materials.id', 'materials.kind', 'materials.title'])
    .where('script_materials.script_id', 'in', [...out.keys()])
    .where('materials.deleted_at', 'is', null)
    .orderBy('script_materials.position')
    .execute();
  for (const m of mats)
    out.get(m.script_id)?.attachments.push({ kind: m.kind, materialId: m.id, title: m.title });
  return out;
}

// A step's literal text, parsed once per step object (flow definitions are cached per pass).
const parsedText = new WeakMap<object, TemplatePart[]>();

function textParts(step: { text?: string | undefined }): TemplatePart[] {
  let parts = parsedText.get(step);
  if (!parts) parsedText.set(step, (parts = parseTemplate(step.text ?? '')));
  return parts;
}

// Shared by every plain-text message (never added to: a step with attachments gets its own array).
const NO_ATTACHMENTS: RenderedContent['attachments'] = [];

export interface StepContent {
  content: RenderedContent;
  promotion: boolean;
  marketing: boolean;
}

export function stepContent(
  step: { script?: string | undefined; text?: string | undefined; material?: string | undefined },
  scripts: Map<string, LoadedScript>,
  context: RenderContext,
): StepContent | null {
  const script = step.script ? scripts.get(step.script) : undefined;
  if (step.script && !script) return null;
  const attachments =
    script?.attachments.length || step.material ? [...(script?.attachments ?? [])] : NO_ATTACHMENTS;
  if (step.material) attachments.push({ kind: 'material', materialId: step.material });
  return {
    content: { text: renderText(script?.parts ?? textParts(step), context), attachments },
    promotion: script?.promotion ?? false,
    marketing: script?.marketing ?? true,
  };
}
