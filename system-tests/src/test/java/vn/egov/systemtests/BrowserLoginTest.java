package vn.egov.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The same single sign-on journey in a real headless Chromium: the citizen sees Keycloak's login page, types
 * their personal ID number and password, and lands on the gateway's page with their name and a logout form.
 * Needs Debian's {@code chromium} and {@code chromium-driver} (installed by {@code .ci/run}).
 */
class BrowserLoginTest {

    ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.open();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void citizenLogsInThroughKeycloakAndSeesTheirName() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get(Stack.GATEWAY + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
        assertThat(browser.getCurrentUrl()).contains("/realms/egov/");

        browser.findElement(By.id("username")).sendKeys(Stack.CITIZEN);
        browser.findElement(By.id("password")).sendKeys(Stack.PASSWORD);
        browser.findElement(By.id("kc-login")).click();

        wait.until(ExpectedConditions.urlToBe(Stack.GATEWAY + "/"));
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("Nguyễn Văn An");
        save("after-login");

        // logout: the page's form with the session's CSRF token ends the gateway's and Keycloak's sessions
        assertThat(browser.findElement(By.cssSelector("form[action='/logout'] input[name='_csrf']"))
                        .getAttribute("value"))
                .isNotBlank();
        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlToBe(Stack.GATEWAY + "/")));
        save("after-logout");
        browser.get(Stack.GATEWAY + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
    }

    private void save(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
