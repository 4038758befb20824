// The VS Code client: starts the bundled language server and adds what only an editor has (a
// status item, commands). Everything it shows comes from the server.
import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { COST_REPORT_REQUEST, CONFIG_FILE_NAMES, Commands, RECIPIENTS_SETTING } from './commands';
import { createFiguresStatus } from './status';

// Template files, and the source and locale languages where configured call sites, tags,
// markers and keys select bodies. Only files on disk and untitled ones: the server reads configs
// from the file system.
const LANGUAGES = ['sms', 'json', 'jsonc', 'yaml', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'];
export const DOCUMENT_SELECTOR: { scheme: 'file' | 'untitled'; language: string }[] = LANGUAGES.flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('smslint', { log: true });
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const configGlob = `**/{${CONFIG_FILE_NAMES.join(',')},package.json}`;
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: {
      configurationSection: 'smslint',
      // A config edited outside the editor (git checkout, another tool) still re-lints.
      fileEvents: vscode.workspace.createFileSystemWatcher(configGlob),
    },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  const lc = new LanguageClient('smslint', 'smslint', serverOptions, clientOptions);
  client = lc;

  context.subscriptions.push(
    output,
    vscode.commands.registerCommand(Commands.restartServer, () => lc.restart()),
    vscode.commands.registerCommand(Commands.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(Commands.openConfig, () => openConfig()),
    vscode.commands.registerCommand(Commands.setRecipients, () => setRecipients()),
    vscode.commands.registerCommand(Commands.showCostReport, () => showCostReport(lc, output)),
    // The hover at the cursor holds the details behind the status item's figures.
    vscode.commands.registerCommand(Commands.showFigures, () => vscode.commands.executeCommand('editor.action.showHover')),
    createFiguresStatus(lc, DOCUMENT_SELECTOR),
  );
  try {
    await lc.start();
  } catch (error) {
    output.appendLine(`smslint: the language server did not start: ${String(error)}`);
    output.show(true);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Opens the nearest config of the active file's folder, or creates one at the folder's root. */
async function openConfig(): Promise<void> {
  const folder = pickFolder();
  if (!folder) {
    void vscode.window.showWarningMessage('smslint: open a folder to create a config file in it.');
    return;
  }
  for (const name of CONFIG_FILE_NAMES) {
    const uri = vscode.Uri.joinPath(folder.uri, name);
    if (await exists(uri)) {
      await vscode.window.showTextDocument(uri);
      return;
    }
  }
  const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAMES[0]);
  const text = `${JSON.stringify({ profile: 'quo', campaign: { recipients: 1 } }, null, 2)}\n`;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(uri);
}

async function setRecipients(): Promise<void> {
  const config = vscode.workspace.getConfiguration('smslint', vscode.window.activeTextEditor?.document.uri);
  const current = config.get<number>(RECIPIENTS_SETTING);
  const answer = await vscode.window.showInputBox({
    title: 'smslint: recipients per message',
    prompt: 'Campaign cost = cost per recipient × recipients',
    value: current === undefined ? '' : String(current),
    validateInput: (v) => (/^\d+$/.test(v.trim()) ? undefined : 'A whole number of recipients, e.g. 1653'),
  });
  if (answer === undefined) return;
  const target = vscode.workspace.workspaceFolders
    ? vscode.ConfigurationTarget.WorkspaceFolder
    : vscode.ConfigurationTarget.Global;
  await config.update(RECIPIENTS_SETTING, Number(answer.trim()), target);
}

async function showCostReport(lc: LanguageClient, output: vscode.OutputChannel): Promise<void> {
  const folder = pickFolder();
  try {
    const report = await lc.sendRequest<string | null>(COST_REPORT_REQUEST, {
      workspaceFolder: folder ? { uri: folder.uri.toString(), name: folder.name } : null,
    });
    if (!report) {
      void vscode.window.showInformationMessage('smslint: no SMS bodies found in this workspace.');
      return;
    }
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: report });
    await vscode.window.showTextDocument(doc, { preview: true });
  } catch (error) {
    output.appendLine(`smslint: cost report failed: ${String(error)}`);
    void vscode.window.showErrorMessage('smslint: the cost report failed (see the smslint output).');
  }
}

function pickFolder(): vscode.WorkspaceFolder | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
