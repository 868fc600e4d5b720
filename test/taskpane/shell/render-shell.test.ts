/**
 * The pre-rendered first screen (src/taskpane/shell/render-shell.tsx), as the build puts it in taskpane.html: one
 * template per language and layout, each the pane's connect form in that language, and every Griffel class they use
 * styled by the one shell <style>.
 */
import { renderShell } from "../../../src/taskpane/shell/render-shell";
import { shellTemplateId } from "../../../src/taskpane/shell/shell-dom";

describe("renderShell", () => {
  const shell = renderShell();

  it("renders the connect form in each language and layout", () => {
    const cases = [
      { id: shellTemplateId("vi", "preview"), words: ["Địa chỉ máy chủ", "Mã truy cập của đơn vị", "Kết nối"] },
      { id: shellTemplateId("en", "preview"), words: ["Endpoint address", "Unit access token", "Connect"] },
      { id: shellTemplateId("vi", "excel"), words: ["Địa chỉ máy chủ", "Kết nối"] },
      { id: shellTemplateId("en", "excel"), words: ["Endpoint address", "Connect"] },
    ];
    for (const { id, words } of cases) {
      const m = new RegExp(`<template id="${id}">([\\s\\S]*?)</template>`).exec(shell.templates);
      expect(m).not.toBeNull();
      const html = m![1];
      for (const w of words) expect(html).toContain(w);
      expect(html).toMatch(/<input type="url"[^>]*>/);
      expect(html).toMatch(/<input type="password"[^>]*>/);
      expect(html).toContain('type="submit"');
      // the theme's variables are in the head's style once, not in every template
      expect(html).not.toContain("<style");
    }
    // the preview's hint is only in the preview's layout
    expect(shell.templates.match(/Bản xem trước ngoài Excel/g)).toHaveLength(1);
  });

  it("styles every class the templates use, in one plain style element the pane can drop", () => {
    expect(shell.style).toMatch(/^<style id="ct-shell-style">/);
    expect(shell.style).not.toContain("data-make-styles-bucket");
    expect(shell.style).toContain("--colorNeutralForeground1:");
    const used = new Set(
      [...shell.templates.matchAll(/class="([^"]+)"/g)]
        .flatMap((m) => m[1].split(" "))
        .filter((c) => /^f[0-9a-z]{5,}$/.test(c)),
    );
    expect(used.size).toBeGreaterThan(50);
    const unstyled = [...used].filter((c) => !shell.style.includes(`.${c}`));
    expect(unstyled).toEqual([]);
  });
});
