// The typed boundary to Rust: the only module that calls `invoke` (and the dialog plugin).
//
// Every command resolves with its typed response or rejects with a `CommandError` carrying
// the `ErrorCode` that the UI acts on. Types come from bindings.ts, generated from Rust.

import { invoke } from '@tauri-apps/api/core';
import { open, save } from '@tauri-apps/plugin-dialog';
import type { ApiError, AppInfo, ErrorCode } from './bindings';

export type { ApiError, AppInfo, ErrorCode } from './bindings';

const ERROR_CODES: readonly ErrorCode[] = [
  'invalid_input',
  'not_found',
  'database',
  'io',
  'internal',
];

/** A failed command. `code` decides what the UI does; `message` is only shown, never parsed. */
export class CommandError extends Error implements ApiError {
  readonly code: ErrorCode;
  readonly field: string | null;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'CommandError';
    this.code = error.code;
    this.field = error.field;
  }
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(candidate.code) &&
    typeof candidate.message === 'string'
  );
}

function toCommandError(error: unknown): CommandError {
  if (isApiError(error)) return new CommandError({ ...error, field: error.field ?? null });
  // Tauri itself rejects with a string (unknown command, denied permission, no IPC at all).
  const message = error instanceof Error ? error.message : String(error);
  return new CommandError({ code: 'internal', message, field: null });
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toCommandError(error);
  }
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export const api = {
  appInfo: (): Promise<AppInfo> => call<AppInfo>('app_info'),

  /** Asks where to save a file; `null` when the user cancels. Rust then writes to that path. */
  async chooseSavePath(defaultPath: string, filters: FileFilter[]): Promise<string | null> {
    try {
      return await save({ defaultPath, filters });
    } catch (error) {
      throw toCommandError(error);
    }
  },

  /** Asks for one file to open; `null` when the user cancels. */
  async chooseOpenPath(filters: FileFilter[]): Promise<string | null> {
    try {
      const picked = await open({ multiple: false, directory: false, filters });
      return typeof picked === 'string' ? picked : null;
    } catch (error) {
      throw toCommandError(error);
    }
  },
};
