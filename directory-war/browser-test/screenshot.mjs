// The screenshot check, for both modes: renders the dashboard at 1400 px and at 390 px wide, saves a full-page PNG of
// each (OUT, default ../target/browser-test) and asserts what a screenshot can show: no horizontal page overflow
// (tables scroll inside their own box), every section there with content, and an image that is not blank.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readPng, imageStats } from "./png.mjs";

export const OUT = process.env.OUT || fileURLToPath(new URL("../target/browser-test/", import.meta.url));
export const WIDTHS = [1400, 390];
const SECTIONS = ["epoch-section", "traffic", "registered-mixnodes", "registered-gateways", "stake", "validators-section"];

/** @param ready a function of the page that resolves when the page shows what this mode expects */
export async function checkScreenshots(browser, base, ready) {
  mkdirSync(OUT, { recursive: true });
  const files = [];
  for (const width of WIDTHS) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    try {
      page.on("pageerror", (e) => console.error("page error:", e));
      await page.goto(base + "/");
      await ready(page);
      const layout = await page.evaluate((ids) => ({
        viewport: window.innerWidth,
        pageWidth: document.scrollingElement.scrollWidth,
        // elements reaching past the right edge, other than those inside a scroll box (which clips them)
        sticking: [...document.querySelectorAll("body *")]
          .filter((e) => !e.closest(".scroll") && e.getClientRects().length && e.getBoundingClientRect().right > window.innerWidth + 0.5)
          .map((e) => e.tagName + (e.id ? "#" + e.id : "")).slice(0, 5),
        sections: ids.map((id) => {
          const s = document.getElementById(id);
          return { id, present: !!s, visible: !!s && s.getClientRects().length > 0, heading: s?.querySelector("h2")?.textContent.trim() || "",
            words: (s?.innerText || "").trim().split(/\s+/).length, height: s ? s.getBoundingClientRect().height : 0 };
        }),
      }), SECTIONS);
      assert.ok(layout.pageWidth <= layout.viewport, `${width} px: the page is ${layout.pageWidth} px wide (${layout.sticking.join(", ")})`);
      assert.deepEqual(layout.sticking, [], `${width} px: past the right edge`);
      for (const s of layout.sections) {
        assert.ok(s.present && s.visible && s.heading && s.words > 5 && s.height > 40, `${width} px: section ${JSON.stringify(s)}`);
      }
      const file = join(OUT, `dashboard-${width}.png`);
      const png = await page.screenshot({ fullPage: true });
      writeFileSync(file, png);
      const image = readPng(png);
      const stats = imageStats(image);
      assert.equal(image.width, width, "screenshot width");
      assert.ok(image.height >= 900, "screenshot height " + image.height);
      assert.ok(stats.foreground > 0.02 && stats.colours > 50 && stats.luminanceDeviation > 10,
        `${width} px: the screenshot looks blank: ${JSON.stringify(stats)}`);
      console.log(`screenshot at ${width} px: ${file} (${image.width}×${image.height}, ${(100 * stats.foreground).toFixed(1)} % ` +
        `foreground, ${stats.colours} colours), no horizontal overflow, ${layout.sections.length} sections with content`);
      files.push(file);
    } finally {
      await page.close();
    }
  }
  return files;
}
