// Language choice (persisted, mirrored on <html lang>) and the typed `useT()` lookup.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { zhCN } from './zh-CN.js';
import { en } from './en.js';

export type MessageKey = keyof typeof zhCN;
export type Dict = Record<MessageKey, string>;
export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

const DICTS: Record<Lang, Dict> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'guimi.lang';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface LangContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const LangContext = createContext<LangContextValue | null>(null);

function storedLang(): Lang {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return saved === 'en' || saved === 'zh-CN' ? saved : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode may refuse storage; the choice then lasts for this page only.
    }
  }, []);

  const t = useCallback<Translate>(
    (key, vars) => {
      const text = DICTS[lang][key];
      if (!vars) return text;
      return text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m));
    },
    [lang],
  );

  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

function useLangContext(): LangContextValue {
  const ctx = useContext(LangContext);
  if (!ctx) throw new Error('LangProvider is missing');
  return ctx;
}

export function useT(): Translate {
  return useLangContext().t;
}

export function useLang(): { lang: Lang; setLang: (lang: Lang) => void } {
  const { lang, setLang } = useLangContext();
  return { lang, setLang };
}

/** Whether a key exists, for lookups built at run time (error codes). */
export function hasMessage(key: string): key is MessageKey {
  return key in zhCN;
}
