// Display helpers shared by the settings tables.

/** A timestamp in the workspace's time zone (falling back to the browser's if the zone is unknown). */
export function formatTime(value: string | null, lang: string, timeZone: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(lang, { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(lang, options).format(date);
  }
}

/** Audit fields may be strings or small objects; show objects by their most telling field. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    for (const key of ['email', 'name', 'slug', 'id']) {
      const found = v[key];
      if (typeof found === 'string' || typeof found === 'number') {
        return v.type ? `${String(v.type)}: ${String(found)}` : String(found);
      }
    }
  }
  return JSON.stringify(value);
}
