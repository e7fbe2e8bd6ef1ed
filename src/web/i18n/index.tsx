import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import { en } from './en';
import { vi, type Messages } from './vi';

/**
 * The one way UI text reaches the screen: `useT()` returns `t('users.title')`, with `{name}`
 * placeholders filled from the second argument. Vietnamese is the default; the choice of
 * language is remembered in localStorage.
 */
export type Lang = 'vi' | 'en';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${P}${K}`
    : T[K] extends readonly string[]
      ? never
      : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

type ListLeaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? never
    : T[K] extends readonly string[]
      ? `${P}${K}`
      : ListLeaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;
export type ListKey = ListLeaves<Messages>;
export type Params = Record<string, string | number>;

const DICTIONARIES: Record<Lang, Messages> = { vi, en };
const STORAGE_KEY = 'chungtay.lang';

function lookup(lang: Lang, key: string): unknown {
  let node: unknown = DICTIONARIES[lang];
  for (const part of key.split('.')) {
    node = (node as Record<string, unknown> | undefined)?.[part];
  }
  return node;
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = lookup(lang, key);
  const template = typeof text === 'string' ? text : key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export function translateList(lang: Lang, key: ListKey): readonly string[] {
  const list = lookup(lang, key);
  return Array.isArray(list) ? (list as string[]) : [];
}

export function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18nValue>({ lang: 'vi', setLang: () => undefined });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readStoredLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.documentTitle');
    dayjs.locale(lang);
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useLang(): I18nValue {
  return useContext(I18nContext);
}

export type TFunction = ((key: MessageKey, params?: Params) => string) & {
  list: (key: ListKey) => readonly string[];
  /** Pick the label of the current language from a `{vi, en}` pair (domain label tables). */
  label: (pair: { vi: string; en: string } | undefined) => string;
  lang: Lang;
};

export function useT(): TFunction {
  const { lang } = useLang();
  return useMemo(() => {
    const t = ((key: MessageKey, params?: Params) => translate(lang, key, params)) as TFunction;
    t.list = (key) => translateList(lang, key);
    t.label = (pair) => (pair ? pair[lang] : '');
    t.lang = lang;
    return t;
  }, [lang]);
}
