// Code actions: a quick fix per fixable diagnostic, "fix all of this kind", and source.fixAll.xxgk.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { fixAll, isSafelyFixed, message, selectEdits, type Code, type Diagnostic, type EngineOptions, type Locale, type TextEdit } from '../engine';
import { SOURCE } from './convert';
import type { OpenDocument } from './open-document';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start <= b.end && b.start <= a.end;

function lspEdits(doc: OpenDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return selectEdits(edits).taken.map((e) => ({ range: doc.range(e.span), newText: e.newText }));
}

/** The current fixable diagnostic that a client diagnostic (perhaps of an older version) stands for. */
function currentFor(doc: OpenDocument, all: readonly Diagnostic[], client: LspDiagnostic): Diagnostic | undefined {
  const span = { start: doc.offsetAt(client.range.start), end: doc.offsetAt(client.range.end) };
  return all.find((d) => d.code === client.code && d.span.start === span.start && d.span.end === span.end && d.fix) ??
    all.find((d) => d.code === client.code && overlaps(d.span, span) && d.fix);
}

interface ResolvedFix {
  readonly title: string;
  readonly preferred: boolean;
  readonly edits: LspTextEdit[];
}

/** The fix of the current diagnostic that a client diagnostic stands for, as LSP edits. */
function currentFix(doc: OpenDocument, all: readonly Diagnostic[], client: LspDiagnostic): ResolvedFix | null {
  const fix = currentFor(doc, all, client)?.fix;
  return fix ? { title: fix.title, preferred: fix.preferred, edits: lspEdits(doc, fix.edits) } : null;
}

/**
 * Edits of one document as a workspace edit. `versioned`: the client takes edits with the document version they
 * were made for (documentChanges), and refuses them if the user typed in the meantime, instead of overwriting.
 */
export function workspaceEdit(doc: OpenDocument, edits: LspTextEdit[], versioned: boolean): WorkspaceEdit {
  return versioned ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] } : { changes: { [doc.uri]: edits } };
}

/**
 * The fix of the diagnostic the client shows, made from the current text: the same diagnostic now (a total depends
 * on its whole row and column, so an edit anywhere in them changes its fix), or none when the text no longer has it.
 */
function quickFix(doc: OpenDocument, all: readonly Diagnostic[], client: LspDiagnostic, versioned: boolean): CodeAction | null {
  const fix = currentFix(doc, all, client);
  if (!fix) return null;
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [client], isPreferred: fix.preferred, edit: workspaceEdit(doc, fix.edits, versioned) };
}

/** Every safe fix of one code at once; a fix that is a choice is never applied in bulk. */
function fixAllOfCode(doc: OpenDocument, all: readonly Diagnostic[], code: Code, locale: Locale, versioned: boolean): CodeAction | null {
  const fixable = all.filter((d) => d.code === code && isSafelyFixed(d));
  if (fixable.length < 2) return null;
  return {
    title: message(locale, 'fix.all-of-code', { code, count: fixable.length }),
    kind: CodeActionKind.QuickFix,
    edit: workspaceEdit(doc, lspEdits(doc, fixable.flatMap((d) => d.fix!.edits)), versioned),
  };
}

/** What the engine's fix-all changes in the document: one narrow edit per cell or label. */
export function fixAllEdits(doc: OpenDocument, options: EngineOptions): LspTextEdit[] {
  return fixAll(doc.text, options).edits.map((e) => ({ range: doc.range(e.span), newText: e.newText }));
}

export function codeActions(doc: OpenDocument, params: CodeActionParams, options: EngineOptions, locale: Locale, versioned: boolean): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  const all = doc.parsed.diagnostics();
  if (wants(CodeActionKind.QuickFix)) {
    const ours = params.context.diagnostics.filter((d) => d.source === SOURCE);
    for (const client of ours) {
      const fix = quickFix(doc, all, client, versioned);
      if (fix) actions.push(fix);
    }
    for (const code of new Set(ours.map((d) => d.code as Code))) {
      const action = fixAllOfCode(doc, all, code, locale, versioned);
      if (action) actions.push(action);
    }
  }
  if (only && wants(FIX_ALL_KIND)) {
    const edits = fixAllEdits(doc, options);
    if (edits.length) actions.push({ title: message(locale, 'fix.all'), kind: FIX_ALL_KIND, edit: workspaceEdit(doc, edits, versioned) });
  }
  return actions;
}
