// Line icons for the side navigation (24px grid, drawn with the current text colour).
import type { SectionId } from '../sections.js';

const PATHS: Record<SectionId, string> = {
  overview: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  audience:
    'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21v-1a6 6 0 0 1 6-6h2a6 6 0 0 1 6 6v1M16 3.5a4 4 0 0 1 0 7M22 21v-1a6 6 0 0 0-4-5.6',
  koc: 'M12 3l2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3l-5.6 2.9 1.1-6.2L3 9.6l6.2-.9z',
  content: 'M4 4h16v16H4zM4 16l5-5 4 4 3-3 4 4M15 9.5a1.5 1.5 0 1 0 0-.01',
  automation: 'M13 2L4 14h7l-1 8 9-12h-7z',
  channels: 'M4 5h16v11H9l-5 4zM8 9h8M8 12h5',
  campaigns: 'M5 21V4M5 4h11l-2 4 2 4H5',
  reports: 'M4 20h16M7 16v-5M12 16V6M17 16v-8',
  settings: 'M4 6h8M16 6h4M14 4v4M4 12h2M10 12h10M8 10v4M4 18h10M18 18h2M16 16v4',
};

export function NavIcon({ section }: { section: SectionId }) {
  return (
    <svg
      className="nav-icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={PATHS[section]} />
    </svg>
  );
}
