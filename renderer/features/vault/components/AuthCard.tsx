import type { ReactNode } from 'react';
import { Brand } from '../../../app/Brand';
import { LanguageSwitch } from '../../../app/LanguageSwitch';

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
  return (
    <div className="auth">
      <div className="auth-top">
        <Brand />
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
