// Completion: the whole-report skeleton as a snippet, for the year a clerk reports on (the one before the year it
// is written in), so it never carries a year fixed when the extension was built.
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { buildSkeleton } from '../engine';

export function skeletonCompletions(today: Date): CompletionItem[] {
  const skeleton = buildSkeleton(today.getFullYear() - 1);
  const insertText = skeleton.body.join('\n');
  return skeleton.prefix.map((label) => ({
    label,
    kind: CompletionItemKind.Snippet,
    detail: skeleton.description,
    insertTextFormat: InsertTextFormat.Snippet,
    insertText,
  }));
}
