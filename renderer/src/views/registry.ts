// The views, in navigation order: their names, icons and lazily loaded code.
// A failed chunk load can be retried: React.lazy caches its promise, so a
// retry builds a fresh lazy component.
import { lazy, type ComponentType, type JSX, type LazyExoticComponent } from 'react';
import {
  IconAudit,
  IconChat,
  IconFamily,
  IconModels,
  IconMonitor,
  IconSetup,
  IconShield,
  type IconProps,
} from '../components/icons';
import type { MessageKey } from '../i18n/t';
import { viewIds, type ViewId } from '../lib/router';

export interface ViewMeta {
  id: ViewId;
  label: MessageKey;
  Icon: (props: IconProps) => JSX.Element;
}

const loaders: Record<ViewId, () => Promise<{ default: ComponentType }>> = {
  chat: () => import('./ChatView'),
  security: () => import('./SecurityView'),
  monitor: () => import('./MonitorView'),
  models: () => import('./ModelsView'),
  family: () => import('./FamilyView'),
  audit: () => import('./AuditView'),
  setup: () => import('./SetupView'),
};

const icons: Record<ViewId, ViewMeta['Icon']> = {
  chat: IconChat,
  security: IconShield,
  monitor: IconMonitor,
  models: IconModels,
  family: IconFamily,
  audit: IconAudit,
  setup: IconSetup,
};

export const views: ViewMeta[] = viewIds.map((id) => ({ id, label: `view.${id}`, Icon: icons[id] }));

/** One lazy component per view, made once; a retry swaps in a fresh one. */
export const viewComponents = Object.fromEntries(viewIds.map((id) => [id, lazy(loaders[id])])) as Record<
  ViewId,
  LazyExoticComponent<ComponentType>
>;

/** Forget a view's failed load so the next render fetches its code again. */
export function retryView(id: ViewId): void {
  viewComponents[id] = lazy(loaders[id]);
}
