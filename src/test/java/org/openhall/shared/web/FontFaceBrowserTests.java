package org.openhall.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openhall.test.BrowserTestSupport;

/**
 * Chromium loads the bundled font through {@code /css/fonts.css} and draws Chinese with it: the page does not depend
 * on a CJK font installed on the device (kiosks, hall displays).
 */
class FontFaceBrowserTests extends BrowserTestSupport {

    @Test
    void browserLoadsAndUsesTheBundledCjkFont() {
        page.navigate(url("/login"));
        page.evaluate("""
                () => {
                  const link = document.createElement('link');
                  link.rel = 'stylesheet';
                  link.href = '/css/fonts.css';
                  document.head.appendChild(link);
                  const p = document.createElement('p');
                  p.id = 'cjk-sample';
                  p.textContent = '社会保险服务中心 工作牌 张三丰 窗口 3 号';
                  p.style.cssText = 'font-family: "OpenHall CJK"; font-size: 40px; background: #fff; padding: 8px';
                  document.body.prepend(p);
                  return new Promise(resolve => link.onload = resolve);
                }""");
        Object loaded = page.evaluate("""
                async () => {
                  const faces = await document.fonts.load('40px "OpenHall CJK"', '社会保险');
                  return faces.map(f => f.family + ':' + f.status);
                }""");
        assertThat(loaded.toString()).contains("OpenHall CJK:loaded");
        assertThat((Boolean) page.evaluate("() => document.fonts.check('40px \"OpenHall CJK\"', '社会保险')")).isTrue();
        // the font file really came over HTTP (not from the machine's fonts)
        Object fetched = page.evaluate("""
                () => performance.getEntriesByType('resource')
                        .filter(e => e.name.endsWith('/fonts/openhall-cjk.ttf')).length""");
        assertThat(((Number) fetched).intValue()).isEqualTo(1);
        page.locator("#cjk-sample").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(java.nio.file.Paths.get("target", "screenshots", "font-face-sample.png")));
        screenshot("font-face-login");
    }
}
