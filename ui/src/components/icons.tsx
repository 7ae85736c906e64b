// Inline SVG icons (stroke = currentColor), so they follow the theme and need no asset files.

import type { ComponentChildren } from 'preact';

function Icon({ children }: { children: ComponentChildren }) {
  return (
    <svg
      class="icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

export const ScenariosIcon = () => (
  <Icon>
    <rect x="4" y="4" width="16" height="16" rx="2.5" />
    <path d="M8 9h8M8 13h8M8 17h5" />
  </Icon>
);

export const CompareIcon = () => (
  <Icon>
    <path d="M6 20V10M12 20V4M18 20v-7" />
  </Icon>
);

export const PriceBookIcon = () => (
  <Icon>
    <path d="M5 4.5A1.5 1.5 0 0 1 6.5 3H19v15H6.5A1.5 1.5 0 0 0 5 19.5z" />
    <path d="M5 19.5A1.5 1.5 0 0 0 6.5 21H19v-3M9 8h6M9 11.5h4" />
  </Icon>
);

export const SettingsIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="3" />
    <path d="M12 2.8v2.4M12 18.8v2.4M21.2 12h-2.4M5.2 12H2.8M18.5 5.5l-1.7 1.7M7.2 16.8l-1.7 1.7M18.5 18.5l-1.7-1.7M7.2 7.2 5.5 5.5" />
  </Icon>
);

export const EmptyIcon = () => (
  <svg class="empty-icon" viewBox="0 0 64 64" width="56" height="56" aria-hidden="true">
    <rect x="6" y="6" width="52" height="52" rx="12" class="empty-icon-bg" />
    <rect x="16" y="34" width="7" height="14" rx="2" class="empty-icon-bar" />
    <rect x="28.5" y="27" width="7" height="21" rx="2" class="empty-icon-bar" />
    <rect x="41" y="30" width="7" height="18" rx="2" class="empty-icon-bar" />
    <path d="M13 20h38" class="empty-icon-line" />
  </svg>
);

/** The app mark: the same stacked bars under a budget line as the app icon. */
export const Logo = () => (
  <svg class="logo" viewBox="0 0 64 64" width="28" height="28" aria-hidden="true">
    <rect width="64" height="64" rx="14" class="logo-bg" />
    <rect x="12" y="34" width="8" height="16" rx="1.5" fill="#e8f1f5" />
    <rect x="12" y="27" width="8" height="6" rx="1.5" fill="#7cc6d9" />
    <rect x="23" y="30" width="8" height="20" rx="1.5" fill="#e8f1f5" />
    <rect x="23" y="21" width="8" height="8" rx="1.5" fill="#7cc6d9" />
    <rect x="34" y="32" width="8" height="18" rx="1.5" fill="#e8f1f5" />
    <rect x="34" y="25" width="8" height="6" rx="1.5" fill="#7cc6d9" />
    <rect x="45" y="27" width="8" height="23" rx="1.5" fill="#e8f1f5" />
    <rect x="45" y="18" width="8" height="8" rx="1.5" fill="#7cc6d9" />
    <rect x="9" y="12" width="46" height="3" rx="1.5" fill="#f5b94a" />
  </svg>
);
