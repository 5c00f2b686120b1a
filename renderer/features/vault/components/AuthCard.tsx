import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../../app/LanguageSwitch';
import { useT } from '../../../i18n/useT';

/** The frame of every screen shown before the file is open. */
export function AuthCard({
  title,
  body,
  children,
}: {
  title: string;
  body: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="auth">
      <div className="auth-top">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          <div className="brand-name">{t('app.name')}</div>
        </div>
        <LanguageSwitch />
      </div>
      <main className="auth-card">
        <h1>{title}</h1>
        <p className="auth-body">{body}</p>
        {children}
      </main>
    </div>
  );
}
