import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

// The process entry: the transport (stdio, IPC or socket) is chosen by the command-line arguments.
startServer(createConnection(ProposedFeatures.all));
