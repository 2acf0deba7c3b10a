package org.openhall.test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser journeys: the whole application on a random port, driven by Playwright through
 * the machine's Chromium ({@code /usr/bin/chromium}, or {@code OPENHALL_CHROMIUM}); no browser is
 * downloaded. Without Chromium the journeys skip loudly, except under CI ({@code CI=true}), where
 * they fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
public abstract class BrowserTestSupport {

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;

    protected static Path chromium() {
        String configured = System.getenv("OPENHALL_CHROMIUM");
        return Paths.get(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
    }

    private static synchronized Browser browser() {
        if (browser == null) {
            // pages may answer slowly while other builds share the two cores
            com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
            Path exe = chromium();
            if (!Files.isExecutable(exe)) {
                String msg = "\n**************************************************************\n"
                        + " Chromium not found at " + exe + ": browser journeys cannot run.\n"
                        + " Install Debian's chromium package (apt-get install chromium).\n"
                        + "**************************************************************";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    Assertions.fail(msg);
                }
                System.err.println(msg + "\n SKIPPING browser journeys (not under CI).");
                Assumptions.abort("Chromium missing: " + exe);
            }
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(exe)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--disable-dev-shm-usage", "--lang=zh-CN")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    browser.close();
                    playwright.close();
                } catch (RuntimeException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return browser;
    }

    @BeforeEach
    void openBrowser() {
        context = browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale("zh-CN"));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser() {
        if (context != null) {
            context.close();
        }
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Logs in through the login page as a person would. */
    protected void login(String username, String password) {
        login(page, url(""), username, password);
    }

    /**
     * Logs in on {@code p} through the login page of the application at {@code base}: waits for the answer to the login
     * POST (a redirect: {@code /login?error} on failure, the saved page or the start page on success), then for the page
     * it leads to to be parsed; its images, fonts and late requests are not waited for.
     */
    public static void login(Page p, String base, String username, String password) {
        p.navigate(base + "/login");
        p.getByLabel("用户名").fill(username);
        p.getByLabel("密码").fill(password);
        p.waitForResponse(r -> "POST".equals(r.request().method()) && r.url().endsWith("/login"),
                () -> p.locator("form button[type=submit]").click());
        p.waitForURL(java.util.regex.Pattern.compile(".*(?<!/login)$"),
                new Page.WaitForURLOptions().setWaitUntil(com.microsoft.playwright.options.WaitUntilState.DOMCONTENTLOADED));
    }

    /** Saves a full-page screenshot under target/screenshots for a person to look at. */
    protected Path screenshot(String name) {
        Path file = Paths.get("target", "screenshots", name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}
