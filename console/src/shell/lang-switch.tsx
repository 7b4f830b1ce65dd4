import { LANGS, useLang, useT, type Lang } from '../i18n/index.js';

const LABELS: Record<Lang, string> = { 'zh-CN': '中文', en: 'EN' };

export function LangSwitch() {
  const t = useT();
  const { lang, setLang } = useLang();
  return (
    <div className="segmented" role="group" aria-label={t('topbar.language')} data-testid="lang-switch">
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={lang === l}
          className={lang === l ? 'segmented-item active' : 'segmented-item'}
          onClick={() => setLang(l)}
          data-testid={`lang-${l}`}
        >
          {LABELS[l]}
        </button>
      ))}
    </div>
  );
}
