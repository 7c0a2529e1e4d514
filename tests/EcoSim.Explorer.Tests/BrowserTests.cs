using EcoSim.Experiments.Engines;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace EcoSim.Explorer.Tests;

/// <summary>
/// The page in a real headless Chromium (Debian's chromium and chromium-driver): move a lever, run,
/// watch the charts gain quarters, branch and see two series. Saves a screenshot, explorer.png, in
/// the test's output folder, to look at.
/// </summary>
public sealed class BrowserTests
{
    [Fact]
    public async Task A_user_moves_a_lever_runs_eight_quarters_and_branches()
    {
        using var browser = HeadlessChromium.Start();
        if (browser is null) return;
        await using var engine = new ReferenceSimulation();
        await using var app = ExplorerApp.Create(new ExplorerSettings("http://127.0.0.1:0"), engine);
        await app.StartAsync();
        string url = ExplorerApp.Addresses(app)[0];
        var driver = browser.Driver;
        var wait = new WebDriverWait(driver, TimeSpan.FromMinutes(2));
        var js = (IJavaScriptExecutor)driver;
        long Points(string metric) => (long)js.ExecuteScript($"const c = page.charts.get('{metric}'); return c ? c.data[0].length : -1;")!;
        long Series(string metric) => (long)js.ExecuteScript($"return page.charts.get('{metric}').series.length;")!;
        string Status() => driver.FindElement(By.Id("status")).Text;

        try
        {
            driver.Navigate().GoToUrl(url + "/");
            wait.Until(d => d.FindElement(By.TagName("body")).GetAttribute("data-ready") == "true");
            Assert.Equal("", driver.FindElement(By.Id("error")).Text);

            // The basic-share floor to one third from 2025Q1, by the slider's keyboard, as a user would.
            var floor = driver.FindElement(By.CssSelector(".lever[data-lever='minBasicShare']"));
            var slider = floor.FindElement(By.CssSelector("input[type=range]"));
            for (int i = 0; i < 133; i++) slider.SendKeys(Keys.ArrowRight);
            double value = double.Parse(floor.FindElement(By.CssSelector("input.value")).GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(value, 0.33, 0.34);
            floor.FindElement(By.CssSelector("input.from")).SendKeys("2025Q1");

            driver.FindElement(By.Id("new-run")).Click();
            wait.Until(_ => !driver.FindElement(By.Id("play")).Enabled ? false : true);
            driver.FindElement(By.CssSelector("#speed option[value='0']")).Click();
            driver.FindElement(By.Id("play")).Click();
            wait.Until(_ => Points("firms") >= 8);
            driver.FindElement(By.Id("play")).Click(); // Pause
            wait.Until(_ => Status().Contains("paused"));
            long reached = Points("firms");
            Assert.True(reached >= 8, Status());
            Assert.Equal(2, Series("firms"));

            // Branch here with twice the talent weight: a second series on every chart.
            var talent = driver.FindElement(By.CssSelector(".lever[data-lever='talentWeight'] input.value"));
            talent.Clear();
            talent.SendKeys("0.4");
            driver.FindElement(By.Id("branch")).Click();
            wait.Until(_ => driver.FindElements(By.CssSelector("#runs li")).Count == 2 && Series("firms") == 3);
            driver.FindElement(By.Id("step")).Click();
            driver.FindElement(By.Id("step")).Click();
            wait.Until(_ => Points("firms") >= reached + 2);
            Assert.Contains("branch at", driver.FindElement(By.CssSelector("#runs li.current")).Text);
            Assert.Equal("", driver.FindElement(By.Id("error")).Text);
            // Two seeds of the settings: the median and the shade join the charts as runs finish.
            var seeds = driver.FindElement(By.Id("seeds"));
            seeds.Clear();
            seeds.SendKeys("2");
            driver.FindElement(By.Id("ensemble")).Click();
            wait.Until(_ => driver.FindElement(By.Id("ensemble-status")).Text.Contains("1 of 2 seeds done") || driver.FindElement(By.Id("ensemble-status")).Text.Contains("2 of 2"));
            wait.Until(_ => Series("firms") == 6 && Points("firms") == 108);
            Assert.Equal("", driver.FindElement(By.Id("error")).Text);

            js.ExecuteScript("window.scrollTo(0, 0)");
            browser.Screenshot("explorer.png");

            // A bad value is refused by the server and the message shows beside the lever.
            var growth = driver.FindElement(By.CssSelector(".lever[data-lever='publicBudgetGrowth'] input.value"));
            growth.Clear();
            growth.SendKeys("0.9");
            driver.FindElement(By.Id("new-run")).Click();
            wait.Until(_ => driver.FindElement(By.CssSelector("[data-error-for='lever:publicBudgetGrowth:value']")).Text.Length > 0);
            Assert.Contains("[-0.5, 0.5]", driver.FindElement(By.CssSelector("[data-error-for='lever:publicBudgetGrowth:value']")).Text);

        }
        catch
        {
            browser.Screenshot("explorer-failed.png");
            throw;
        }
        await app.StopAsync();
    }

    [Fact]
    public async Task A_user_builds_a_large_facility_in_a_branch_and_sees_a_bad_value_refused_beside_its_control()
    {
        await using var page = await ExplorerPage.OpenAsync();
        if (page is null) return;
        page.Steps("explorer-facility", () =>
        {
            Assert.False(page.Find("#facility").Displayed);
            page.StartPausedRun(2000, "2025Q1", "4/108 paused");

            // Tick the facility: its controls show the shipped facility's values, the scenario's clusters to host it.
            page.Find("#facility-on").Click();
            Assert.True(page.Find("#facility").Displayed);
            Assert.Equal("precision-instruments", page.Find("#facility-cluster").GetDomProperty("value"));
            Assert.Equal(20, page.Driver.FindElements(By.CssSelector("#facility-cluster option")).Count);
            page.Find("#facility-cluster option[value='biomedicine']").Click();
            page.Type("[data-facility-field='buildYears'] input.value", "2");
            page.Find("#facility-from").Clear();
            page.Find("#branch").Click();
            page.Wait.Until(_ => page.Runs == 2);
            page.Wait.Until(_ => page.Find("#runs li.current").Text.Contains("in biomedicine from 2025Q1"));
            Assert.Equal("", page.Find("#error").Text);

            // A value outside the scenario language's range: refused by the server, the message beside the control.
            page.Type("[data-facility-field='knowledgeBoost'] input.value", "11");
            page.Find("#new-run").Click();
            var message = page.Find("[data-error-for='facilities[0].knowledgeBoost']");
            page.Wait.Until(_ => message.Text.Length > 0);
            Assert.Contains("[0, 10]", message.Text);
            Assert.Equal(2, page.Runs);
        });
    }

    [Fact]
    public async Task A_user_runs_a_talent_programme_in_a_branch_and_sees_a_bad_value_refused_beside_its_control()
    {
        await using var page = await ExplorerPage.OpenAsync();
        if (page is null) return;
        page.Steps("explorer-talent", () =>
        {
            Assert.False(page.Find("#talent").Displayed);
            page.StartPausedRun(2000, "2025Q1", "4/108 paused");

            // Tick the programme: its controls propose biomedicine, the scenario's clusters to choose from.
            page.Find("#talent-on").Click();
            Assert.True(page.Find("#talent").Displayed);
            Assert.Equal("biomedicine", page.Find("#talent-cluster").GetDomProperty("value"));
            page.Find("#talent-cluster option[value='semiconductors']").Click();
            page.Type("[data-talent-field='researchersPerYear'] input.value", "5000");
            page.Find("#talent-from").Clear();
            page.Type("#talent-until", "2027Q1");
            page.Find("#branch").Click();
            page.Wait.Until(_ => page.Runs == 2);
            page.Wait.Until(_ => page.Find("#runs li.current").Text.Contains("5,000 researchers/yr into semiconductors from 2025Q1 until 2027Q1"));
            Assert.Equal("", page.Find("#error").Text);

            // A value outside the scenario language's range: refused by the server, the message beside the control.
            page.Type("[data-talent-field='researchersPerYear'] input.value", "20000000");
            page.Find("#new-run").Click();
            var message = page.Find("[data-error-for='talentProgrammes[0].researchersPerYear']");
            page.Wait.Until(_ => message.Text.Length > 0);
            Assert.Contains("[0, 10000000]", message.Text);
            Assert.Equal(2, page.Runs);
        });
    }
}
