// The settings in force: VS Code's xxgk.* (asked for when the client can be asked, else taken from the change it
// pushes) under the workspace's xxgk.config.json. New settings reach every open document and, once "check all
// reports in the workspace" has published files that are not open, those files too.
import type { InitializeParams } from 'vscode-languageserver/node';
import { findConfigFile, readConfigFile, type XxgkConfig } from '../config';
import type { Publisher } from './documents';
import type { Session } from './session';
import { debounceFromEnv, resolveSettings, settingsFromEditor } from './settings';
import type { WorkspaceScan } from './workspace-scan';

export class Configuration {
  private canPull = false;
  private editor: XxgkConfig = {};
  private file: XxgkConfig = {};
  /** what was wrong with the file when read at initialize: the client may show messages only once initialized */
  private problemAtStart: string | null = null;

  constructor(
    private readonly session: Session,
    private readonly publisher: Publisher,
    private readonly workspace: WorkspaceScan,
  ) {}

  initialize(params: InitializeParams): void {
    this.canPull = !!params.capabilities.workspace?.configuration;
    const init = params.initializationOptions as { debounceMs?: number } | undefined;
    const debounce = typeof init?.debounceMs === 'number' && init.debounceMs >= 0 ? init.debounceMs : debounceFromEnv();
    this.problemAtStart = this.reloadFile();
    this.session.settings = resolveSettings(this.editor, this.file, debounce);
  }

  /** Once the client is initialized: says what was wrong with the file, and asks for the editor's settings. */
  async initialized(): Promise<void> {
    this.warn(this.problemAtStart);
    await this.pullEditor();
  }

  /** workspace/didChangeConfiguration: `pushed` is what the client sent, used when it cannot be asked. */
  async editorChanged(pushed: unknown): Promise<void> {
    const raw = (pushed as { xxgk?: unknown } | null)?.xxgk;
    if (this.canPull) await this.pullEditor();
    else this.editor = settingsFromEditor(raw, this.warn);
    this.fileChanged();
  }

  /** xxgk.config.json was saved, added or deleted. */
  fileChanged(): void {
    this.warn(this.reloadFile());
    this.apply();
  }

  /** Resolves the settings again and checks everything published with the new ones. */
  apply(): void {
    const { session } = this;
    const before = session.settings;
    session.settings = resolveSettings(this.editor, this.file, before.debounceMs);
    // a new limit changes what is published, not the problems
    const republish = before.maxProblems !== session.settings.maxProblems;
    for (const doc of session.documents.values()) if (!this.publisher.recheck(doc) && republish) this.publisher.publish(doc);
    if (!this.workspace.published) return;
    void this.workspace.check().catch((e) => session.error(`checking the workspace failed: ${(e as Error).message}`));
  }

  private async pullEditor(): Promise<void> {
    if (!this.canPull) return;
    const [raw] = await this.session.connection.workspace.getConfiguration([{ section: 'xxgk' }]);
    this.editor = settingsFromEditor(raw, this.warn);
  }

  /** Reads xxgk.config.json of the first workspace folder that has one; returns what was wrong with it. */
  private reloadFile(): string | null {
    this.file = {};
    for (const folder of this.session.folders) {
      const file = findConfigFile(folder);
      if (!file) continue;
      try {
        this.file = readConfigFile(file);
      } catch (e) {
        return (e as Error).message;
      }
      break;
    }
    return null;
  }

  private readonly warn = (problem: string | null): void => {
    if (problem) void this.session.connection.window.showWarningMessage(problem);
  };
}
