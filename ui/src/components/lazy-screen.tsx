// Screens loaded on demand: their code is a separate chunk, fetched the first time the screen
// shows (or earlier, once the window is idle: see `preloadScreens`). Until it arrives the
// layout stays in place and the screen's area shows the loading line.

import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect } from 'preact/hooks';
import { signal, useSignal } from '@preact/signals';
import { CommandError } from '../api';
import { ErrorNotice } from './error-notice';
import { Loading } from './common';

export type LazyScreen = FunctionComponent & {
  /** Fetches the screen's chunk (once); resolves when it can render at once. */
  preload(): Promise<unknown>;
};

const lazyScreens: LazyScreen[] = [];

/** A screen component whose module is imported by `load` when first needed. */
export function lazyScreen(load: () => Promise<ComponentType>): LazyScreen {
  // A signal, read while rendering: whichever way the chunk arrives (this screen's own
  // request, or `preloadScreens` finishing between the render that showed the loading line
  // and its effect), every mounted copy re-renders with the screen.
  const loaded = signal<ComponentType | null>(null);
  let pending: Promise<ComponentType> | null = null;

  const preload = () => {
    pending ??= load().then(
      (screen) => (loaded.value = screen),
      (failure: unknown) => {
        pending = null; // Let a later visit try again.
        throw failure;
      },
    );
    return pending;
  };

  function Lazy() {
    const failure = useSignal<CommandError | null>(null);
    useEffect(() => {
      let live = true;
      preload().catch((error: unknown) => {
        if (live) failure.value = new CommandError({ code: 'internal', message: String(error), field: null });
      });
      return () => {
        live = false;
      };
    }, []);
    const Screen = loaded.value;
    if (Screen) return <Screen />;
    return failure.value ? <ErrorNotice error={failure.value} /> : <Loading />;
  }

  const screen = Object.assign(Lazy, { preload });
  lazyScreens.push(screen);
  return screen;
}

/**
 * Fetches every lazy screen's chunk once the window has painted and gone idle, so that the
 * first visit to a screen rarely shows the loading line. Start-up itself loads none of them.
 */
export function preloadScreens(): void {
  const preloadAll = () => {
    for (const screen of lazyScreens) void screen.preload().catch(() => undefined);
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(preloadAll, { timeout: 3000 });
  else setTimeout(preloadAll, 1500);
}
