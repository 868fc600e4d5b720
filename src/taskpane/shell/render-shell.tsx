/**
 * Build time only (webpack.config.js runs it through tsx; never bundled): renders the pane's first draw — <Root> with
 * no host bound, exactly as index.tsx draws it first — for each language and layout, to static HTML for taskpane.html.
 * The Griffel rules of all four go into one plain <style id="ct-shell-style"> (no Griffel bucket attributes, so the
 * pane's own renderer never takes it for its own and index.tsx can drop it once the pane is drawn), and the
 * FluentProvider's theme variables, the same in each, are kept once there too.
 */
import * as React from "react";
import { renderToString } from "react-dom/server";
import { RendererProvider, SSRProvider, createDOMRenderer, renderToStyleElements } from "@fluentui/react-components";
import type { Locale } from "../../domain/types";
import { createHttpClient } from "../api";
import { deferredWorkbook } from "../deferred-workbook";
import { Root } from "../Root";
import { SHELL_STYLE_ID, shellTemplateId, type ShellLayout } from "./shell-dom";

export interface RenderedShell {
  /** one <style> for the <head> */
  style: string;
  /** one <template> per language and layout, for the <body> */
  templates: string;
}

const PROVIDER_STYLE = /<style id="fui-FluentProvider[^"]*">([\s\S]*?)<\/style>/;

function cssOf(element: React.ReactElement): string {
  const props = element.props as { media?: string; dangerouslySetInnerHTML?: { __html: string } };
  const css = props.dangerouslySetInnerHTML?.__html ?? "";
  return props.media ? `@media ${props.media}{${css}}` : css;
}

export function renderShell(): RenderedShell {
  const renderer = createDOMRenderer();
  let providerCss = "";
  const templates: string[] = [];
  for (const locale of ["vi", "en"] as Locale[])
    for (const layout of ["preview", "excel"] as ShellLayout[]) {
      const html = renderToString(
        <RendererProvider renderer={renderer}>
          <SSRProvider>
            <Root
              host={null}
              workbook={deferredWorkbook()}
              api={createHttpClient()}
              preview={null}
              previewing={layout === "preview"}
              hostProblem={null}
              initialLocale={locale}
              defaultEndpoint=""
              pageOrigin=""
            />
          </SSRProvider>
        </RendererProvider>,
      );
      const provider = PROVIDER_STYLE.exec(html);
      if (!provider) throw new Error("render-shell: the FluentProvider rendered no theme style");
      if (providerCss && providerCss !== provider[1]) throw new Error("render-shell: the theme differs between shells");
      providerCss = provider[1];
      templates.push(
        `<template id="${shellTemplateId(locale, layout)}">${html.replace(PROVIDER_STYLE, "")}</template>`,
      );
    }
  const rules = renderToStyleElements(renderer).map(cssOf).join("");
  return { style: `<style id="${SHELL_STYLE_ID}">${providerCss}${rules}</style>`, templates: templates.join("\n") };
}
