package vn.egov.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operations centre's KPI dashboard in a real headless Chromium, through the gateway's single sign-on: an
 * officer of Thừa Thiên Huế opens the page, is sent to Keycloak, logs in and comes back to the page of their own
 * agency; an auditor sees the national figures and the agency selector. The page's stylesheet and SVG charts are
 * in effect under the gateway's strict Content-Security-Policy. Needs Debian's {@code chromium} and
 * {@code chromium-driver}.
 */
class DashboardBrowserTest {

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOfficerLogsInFromTheDashboardAndSeesTheirOwnAgency() throws Exception {
        browser.get(Stack.GATEWAY + "/reports/dashboard");
        logIn("officer.hue");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kpis")));
        assertThat(browser.getCurrentUrl()).startsWith(Stack.GATEWAY + "/reports/dashboard");
        assertThat(browser.getTitle()).isEqualTo("Bảng điều hành chỉ tiêu Chính phủ điện tử");
        assertThat(browser.findElement(By.cssSelector("#kpis h2")).getText())
                .isEqualTo("Chỉ tiêu của cơ quan 000.00.00.H57");
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("officer.hue");
        List<WebElement> indicators = browser.findElements(By.cssSelector("table.kpis tbody tr"));
        assertThat(indicators).hasSize(9);
        assertThat(indicators.getFirst().getText()).contains("Tỷ lệ hồ sơ nộp trực tuyến");
        // no other agency to choose
        assertThat(browser.findElements(By.cssSelector("select[name=agency]"))).isEmpty();
        assertStyledAndCharted();
        save("dashboard-officer");
    }

    @Test
    void anAuditorSeesTheNationalFiguresAndChoosesAnAgency() throws Exception {
        browser.get(Stack.GATEWAY + "/reports/dashboard");
        logIn("auditor");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kpis")));
        assertThat(browser.findElement(By.cssSelector("#kpis h2")).getText()).isEqualTo("Chỉ tiêu toàn quốc");
        assertThat(browser.findElements(By.cssSelector("select[name=agency]"))).hasSize(1);
        assertStyledAndCharted();
        save("dashboard-auditor");
    }

    /** The stylesheet applied (header colour) and the trend charts drawn, despite {@code default-src 'none'}. */
    private void assertStyledAndCharted() {
        assertThat(browser.findElement(By.tagName("header")).getCssValue("background-color"))
                .isIn("rgba(165, 14, 14, 1)", "rgb(165, 14, 14)");
        List<WebElement> charts = browser.findElements(By.cssSelector("#trends figure svg"));
        assertThat(charts).hasSize(5);
        assertThat(charts.getFirst().getSize().getWidth()).isPositive();
    }

    private void logIn(String username) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
        assertThat(browser.getCurrentUrl()).contains("/realms/egov/");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Stack.PASSWORD);
        browser.findElement(By.id("kc-login")).click();
    }

    private void save(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
