import { useT } from '../i18n';

/** The mark and name of the product. */
export function Logo({ collapsed = false, light = false }: { collapsed?: boolean; light?: boolean }) {
  const t = useT();
  return (
    <span className={`logo${light ? ' logo-light' : ''}`}>
      <svg viewBox="0 0 64 64" width="32" height="32" aria-hidden="true">
        <rect width="64" height="64" rx="14" fill="#b71c1c" />
        <path
          d="M14 36c6-10 14-14 18-14s12 4 18 14"
          fill="none"
          stroke="#ffd54f"
          strokeWidth="6"
          strokeLinecap="round"
        />
        <circle cx="22" cy="44" r="5" fill="#ffd54f" />
        <circle cx="42" cy="44" r="5" fill="#ffd54f" />
      </svg>
      {!collapsed && <span className="logo-text">{t('app.name')}</span>}
    </span>
  );
}
