// The status bar item with the figures of the body under the cursor. It only asks the server
// (`smslint/figures`); a newer cursor move makes an older answer stale, and it is dropped.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands } from './commands';
import { FIGURES_REQUEST, asFigures, figuresText, figuresTooltip, type FiguresParams } from './figures';

const DEBOUNCE_MS = 150;

export function createFiguresStatus(
  client: LanguageClient,
  selector: vscode.DocumentSelector,
): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('smslint.figures', vscode.StatusBarAlignment.Right, 100);
  item.name = 'smslint figures';
  item.command = Commands.showFigures;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const refresh = async (): Promise<void> => {
    const mine = ++generation;
    const editor = vscode.window.activeTextEditor;
    if (!editor || !vscode.languages.match(selector, editor.document) || !client.isRunning()) {
      item.hide();
      return;
    }
    const params: FiguresParams = {
      textDocument: { uri: editor.document.uri.toString() },
      position: { line: editor.selection.active.line, character: editor.selection.active.character },
    };
    let figures = null;
    try {
      figures = asFigures(await client.sendRequest(FIGURES_REQUEST, params));
    } catch {
      // The server is restarting or does not know the request: no figures, no error popup.
    }
    if (mine !== generation) return;
    if (!figures) {
      item.hide();
      return;
    }
    item.text = `$(comment) ${figuresText(figures)}`;
    item.tooltip = figuresTooltip(figures);
    item.show();
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), DEBOUNCE_MS);
  };

  const subscriptions = [
    item,
    vscode.window.onDidChangeActiveTextEditor(schedule),
    vscode.window.onDidChangeTextEditorSelection(schedule),
    // Figures change as the text changes, not only when the cursor moves.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) schedule();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('smslint')) schedule();
    }),
    client.onDidChangeState(schedule),
    { dispose: () => clearTimeout(timer) },
  ];
  schedule();
  return vscode.Disposable.from(...subscriptions);
}
