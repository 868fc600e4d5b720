/**
 * The shell's boot script (webpack entry `shell`, a blocking script right after the shell's templates in
 * taskpane.html): shows the pre-rendered connect screen before the pane's bundle runs. See shell-dom.ts.
 */
import { browserStorage } from "../locale-choice";
import { showShell } from "./shell-dom";

showShell(document, window, browserStorage());
