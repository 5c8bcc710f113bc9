// Whose font a report is shown in. The report language's default editor.fontFamily (package.json,
// configurationDefaults; why those fonts: font.ts) overrides a font the user set for every language, since VS Code
// ranks a language's default above any setting made for all languages. This says when the user's own font is lost
// that way, and where to write it for the report language so that it wins again. No vscode here, to be tested alone.

/** WorkspaceConfiguration.inspect('fontFamily') of the editor section, in the report language's scope. */
export interface FontSettings {
  readonly globalValue?: string;
  readonly workspaceValue?: string;
  readonly workspaceFolderValue?: string;
  readonly globalLanguageValue?: string;
  readonly workspaceLanguageValue?: string;
  readonly workspaceFolderLanguageValue?: string;
}

export type SettingsScope = 'global' | 'workspace' | 'workspaceFolder';

/**
 * The font the user set for every language that reports are not shown in, with the scope it was set in (the
 * narrowest, the one in force); null when the user set none, or set one for reports themselves.
 */
export function overriddenFont(settings: FontSettings | undefined): { font: string; scope: SettingsScope } | null {
  if (!settings) return null;
  if (settings.globalLanguageValue !== undefined || settings.workspaceLanguageValue !== undefined || settings.workspaceFolderLanguageValue !== undefined) return null;
  if (settings.workspaceFolderValue !== undefined) return { font: settings.workspaceFolderValue, scope: 'workspaceFolder' };
  if (settings.workspaceValue !== undefined) return { font: settings.workspaceValue, scope: 'workspace' };
  if (settings.globalValue !== undefined) return { font: settings.globalValue, scope: 'global' };
  return null;
}
