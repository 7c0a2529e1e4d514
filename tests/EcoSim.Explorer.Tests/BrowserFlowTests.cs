using System.Globalization;
using System.IO.Compression;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Pipelines;
using EcoSim.Experiments.Reproducing;
using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;
using OpenQA.Selenium.Support.UI;

namespace EcoSim.Explorer.Tests;

/// <summary>
/// The "done when" in a real headless Chromium, as a new user goes: the basic-research floor to one
/// third from 2025, run to 2030, branch there with twice the talent weight, run both to 2050, compare them,
/// download the branch and reproduce it; then a cluster's firm sizes, an agent of the list inspected, and a
/// pasted scenario's error shown with its line. A smaller population (the Firms field) keeps it quick;
/// bench/explorer.py times the same flow on the full baseline. Saves explorer-flow.png (README's
/// docs/images/explorer.png is that screenshot of the full baseline: ECOSIM_FLOW_FIRMS=75000).
/// With ECOSIM_FLOW_URL it drives a server started apart instead, as a new user would with README's one command
/// (<c>ecosim serve</c>, the embedded silo, the full baseline unless ECOSIM_FLOW_FIRMS says otherwise), and the
/// times of the steps, from the page's load, are written to explorer-flow-timings.txt beside the screenshots.
/// </summary>
public sealed class BrowserFlowTests
{
    [Fact]
    public async Task A_new_user_branches_at_2030_compares_to_2050_and_reproduces_the_download()
    {
        using var browser = HeadlessChromium.Start();
        if (browser is null) return;
        string? external = Environment.GetEnvironmentVariable("ECOSIM_FLOW_URL");
        string? firms = Environment.GetEnvironmentVariable("ECOSIM_FLOW_FIRMS") ?? (external is null ? "6000" : null);
        await using var engine = new ReferenceSimulation();
        await using var app = external is null ? ExplorerApp.Create(new ExplorerSettings("http://127.0.0.1:0"), engine) : null;
        if (app is not null) await app.StartAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var marks = new List<string>();
        void Mark(string what) => marks.Add(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,6:0.0} s  {what}"));
        var driver = browser.Driver;
        var wait = new WebDriverWait(driver, TimeSpan.FromMinutes(2));
        var js = (IJavaScriptExecutor)driver;
        IWebElement Find(string css) => driver.FindElement(By.CssSelector(css));
        string Status() => Find("#status").Text;
        void Type(string css, string text) { var box = Find(css); box.Clear(); box.SendKeys(text); }
        long Series(string metric) => (long)js.ExecuteScript($"return page.charts.get('{metric}').series.length;")!;
        try
        {
            driver.Navigate().GoToUrl(external ?? ExplorerApp.Addresses(app!)[0] + "/");
            wait.Until(d => d.FindElement(By.TagName("body")).GetAttribute("data-ready") == "true");
            Mark("page ready");
            if (firms is not null) Type("#firms", firms);
            Type(".lever[data-lever='minBasicShare'] input.value", "0.3333");
            Type(".lever[data-lever='minBasicShare'] input.from", "2025Q1");
            Find("#new-run").Click();
            wait.Until(_ => Find("#run-until").Enabled);
            Type("#until", "2030Q1");
            Find("#run-until").Click();
            wait.Until(_ => Status().Contains("24 of 108 quarters, paused") && Status().Contains("now 2029Q4"));
            Mark("new run with the one-third floor from 2025Q1, run until 2030Q1");
            string parent = Find("#runs li.current").GetAttribute("data-run")!;

            // Twice the talent weight, from the branch's quarter.
            double talent = double.Parse(Find(".lever[data-lever='talentWeight'] input.value").GetAttribute("value")!, CultureInfo.InvariantCulture);
            Type(".lever[data-lever='talentWeight'] input.value", (2 * talent).ToString(CultureInfo.InvariantCulture));
            Find("#branch").Click();
            wait.Until(_ => driver.FindElements(By.CssSelector("#runs li")).Count == 2 && Series("researchers") == 3);
            Assert.Contains("branch at 2030Q1", Find("#runs li.current").Text);
            Mark("branched at 2030Q1 with twice the talent weight");
            browser.Screenshot("explorer-flow-branched.png");
            Find("#speed option[value='0']").Click();
            Find("#play").Click();
            wait.Until(_ => Status().Contains("108 of 108 quarters, finished"));
            Find($"#runs li[data-run='{parent}']").Click();
            Find("#play").Click();
            wait.Until(_ => Status().Contains("108 of 108 quarters, finished"));
            Mark("both runs at 2050Q4");

            // Compared as the difference from the parent: nothing before 2030, something after.
            Find("#difference").Click();
            wait.Until(_ => ((string)js.ExecuteScript("return document.querySelector(\".chart[data-metric='researchers'] h3\").textContent")!).Contains("branch − parent"));
            var difference = ((IReadOnlyCollection<object?>)js.ExecuteScript("return page.charts.get('researchers').data[2];")!).ToList();
            Assert.Equal(108, difference.Count);
            Assert.All(difference.Take(23), d => Assert.Null(d));
            Assert.Contains(difference.Skip(24), d => d is not null && Convert.ToDouble(d, CultureInfo.InvariantCulture) != 0);
            Mark("compared as the difference");
            browser.Screenshot("explorer-flow-difference.png");
            Find("#difference").Click();
            js.ExecuteScript("window.scrollTo(0, 0)");
            browser.Screenshot("explorer-flow.png");

            // Download the branch and reproduce it as the command line does.
            Find("#runs li:not(.current)").Click();
            Assert.Contains("branch at", Find("#runs li.current").Text);
            Find("#download-plots").Click(); // no plots: quicker, and the API tests download plots
            Find("#download").Click();
            wait.Until(_ => Directory.GetFiles(browser.Downloads, "*.zip").Length == 1 && Directory.GetFiles(browser.Downloads, "*.crdownload").Length == 0);
            wait.Until(_ => Find("#recipe").Displayed && Find("#recipe-command").Text.Length > 0);
            Mark("branch downloaded");
            browser.Screenshot("explorer-flow-download.png");
            File.Copy(Directory.GetFiles(browser.Downloads, "*.zip")[0], Path.Combine(AppContext.BaseDirectory, "explorer-flow-download.zip"), overwrite: true);
            Assert.StartsWith("ecosim run scenarios/", Find("#recipe-command").Text);
            Assert.Contains("set: { talentWeight: 0.4 }", Find("#recipe-text").Text);
            string unpacked = Path.Combine(browser.Downloads, "unpacked");
            ZipFile.ExtractToDirectory(Directory.GetFiles(browser.Downloads, "*.zip")[0], unpacked);
            string manifest = Path.Combine(Assert.Single(Directory.GetDirectories(unpacked)), "manifest.json");
            var reproduced = await new ReproducePipeline(PipelineEvents.Silent).ExecuteAsync(new ReproduceSettings(manifest, null, null), CancellationToken.None);
            Assert.True(reproduced.Verdict.Failures == 0, string.Join("\n", reproduced.Verdict.Lines));
            Mark("reproduced (ecosim reproduce's pipeline on the download's manifest)");
            File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "explorer-flow-timings.txt"), marks);
            Console.WriteLine(string.Join("\n", marks));

            // A cluster's bar clicked: its firm sizes at the present quarter; a firm of the list inspected.
            var offsets = (IReadOnlyCollection<object>)js.ExecuteScript("""
                const u = page.clusterChart;
                u.over.scrollIntoView({ block: "center" });
                const r = u.over.getBoundingClientRect();
                return [u.valToPos(u.data[1][3] / 2, 'y') - r.width / 2, u.valToPos(3, 'x') - r.height / 2];
                """)!;
            var (dx, dy) = offsets.Select(o => (int)Math.Round(Convert.ToDouble(o, CultureInfo.InvariantCulture))).ToArray() switch { var a => (a[0], a[1]) };
            new Actions(driver).MoveToElement(Find("#clusters .u-over"), dx, dy).Click().Perform();
            wait.Until(_ => Find("#firm-sizes-title").Text.Contains("at 2050Q4"));
            string cluster = (string)js.ExecuteScript("return page.runs.get(page.current).view.clusters[3];")!;
            Assert.Equal($"Firm sizes in {cluster} at 2050Q4", Find("#firm-sizes-title").Text);
            var firm = Find("#largest-firms button");
            string entity = firm.Text;
            Assert.StartsWith("firm:3:", entity);
            firm.Click();
            wait.Until(_ => driver.FindElements(By.CssSelector("#inspect tr")).Count > 2);
            Assert.Equal(entity, Find("#entity").GetAttribute("value"));
            js.ExecuteScript("document.getElementById('firm-sizes').scrollIntoView({ block: 'end' })");
            browser.Screenshot("explorer-flow-sizes.png");

            // A pasted scenario with a mistake, and a population out of range: each error beside its box.
            Find("#paste summary").Click();
            Find("#scenario-text").SendKeys("name: my-question\nextends: guangdong-baseline.yaml\nparameters:\n  basicShare: 7\n");
            Type("#firms", "0");
            Find("#new-run").Click();
            wait.Until(_ => driver.FindElements(By.CssSelector("#scenario-text-errors li")).Count > 0);
            Assert.StartsWith("line 4, column 15: parameters.basicShare:", Find("#scenario-text-errors li").Text);
            Assert.Contains("outside 1..300,000", Find("[data-error-for='firms']").Text);
            Assert.Equal(2, driver.FindElements(By.CssSelector("#runs li")).Count);
        }
        catch
        {
            browser.Screenshot("explorer-flow-failed.png");
            throw;
        }
        if (app is not null) await app.StopAsync();
    }
}
