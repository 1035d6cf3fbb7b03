// A raised surface that groups one thing: a component's health, a setting.
import type { HTMLAttributes } from 'react';
import './card.css';

export interface CardProps extends HTMLAttributes<HTMLElement> {
  as?: 'section' | 'article' | 'div' | 'li';
  tone?: 'plain' | 'ok' | 'warn' | 'error' | 'off';
}

export function Card({ as: Tag = 'div', tone = 'plain', className, ...rest }: CardProps) {
  return <Tag {...rest} className={`card card-${tone}${className ? ` ${className}` : ''}`} />;
}
