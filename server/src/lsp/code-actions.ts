// Code actions (quick fixes, "fix all of this kind", source.fixAll.xxgk) and the fix-all command, which the
// server applies itself through workspace/applyEdit.
import { codeActions, fixAllEdits, workspaceEdit } from './actions';
import type { Session } from './session';

export function registerCodeActions(session: Session): void {
  session.connection.onCodeAction(
    session.guard('codeAction', [], (params) => {
      const doc = session.checkedDocument(params.textDocument.uri);
      const { engine, locale } = session.settings;
      return doc ? codeActions(doc, params, engine, locale, session.versionedEdits) : [];
    }),
  );
}

/** Every safe fix of the open document at `uri`, applied in one edit; says whether the client took it. */
export async function fixAllCommand(session: Session, uri: string): Promise<{ applied: boolean; edits?: number }> {
  const doc = session.documents.get(uri);
  if (!doc) return { applied: false };
  const edits = fixAllEdits(doc, session.settings.engine);
  if (!edits.length) return { applied: false, edits: 0 };
  const result = await session.connection.workspace.applyEdit(workspaceEdit(doc, edits, session.versionedEdits));
  return { applied: result.applied, edits: edits.length };
}
