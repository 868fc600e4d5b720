/** Prints renderShell()'s output as JSON: the jsdom tests need the shell as the build renders it, in Node. */
import { renderShell } from "../../../src/taskpane/shell/render-shell";

process.stdout.write(JSON.stringify(renderShell()));
