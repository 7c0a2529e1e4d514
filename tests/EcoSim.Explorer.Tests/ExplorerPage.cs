using EcoSim.Experiments.Engines;
using Microsoft.AspNetCore.Builder;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace EcoSim.Explorer.Tests;

/// <summary>
/// The explorer on the reference engine, opened in headless Chromium, with the steps the browser tests share: find a
/// control as a user scrolls to it, type into it, and start a small run paused at a quarter. A failing test leaves a
/// screenshot of the page as it was.
/// </summary>
internal sealed class ExplorerPage : IAsyncDisposable
{
    private readonly HeadlessChromium _browser;
    private readonly ReferenceSimulation _engine;
    private readonly WebApplication _app;

    private ExplorerPage(HeadlessChromium browser, ReferenceSimulation engine, WebApplication app)
    {
        (_browser, _engine, _app) = (browser, engine, app);
        Wait = new WebDriverWait(Driver, TimeSpan.FromMinutes(2));
        Wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException)); // the list of runs is drawn again as they change
    }

    public IWebDriver Driver => _browser.Driver;

    public WebDriverWait Wait { get; }

    /// <summary>The page loaded and ready, or null when chromium is not installed (as <see cref="HeadlessChromium.Start"/>).</summary>
    public static async Task<ExplorerPage?> OpenAsync()
    {
        var browser = HeadlessChromium.Start();
        if (browser is null) return null;
        var engine = new ReferenceSimulation();
        var app = ExplorerApp.Create(new ExplorerSettings("http://127.0.0.1:0"), engine);
        await app.StartAsync();
        var page = new ExplorerPage(browser, engine, app);
        page.Driver.Navigate().GoToUrl(ExplorerApp.Addresses(app)[0] + "/");
        page.Wait.Until(d => d.FindElement(By.TagName("body")).GetAttribute("data-ready") == "true");
        return page;
    }

    /// <summary>The element, scrolled to the middle of the window first, as a user scrolls to a control, clear of the buttons kept at its foot.</summary>
    public IWebElement Find(string css)
    {
        var found = Driver.FindElement(By.CssSelector(css));
        ((IJavaScriptExecutor)Driver).ExecuteScript("arguments[0].scrollIntoView({ block: 'center' })", found);
        return found;
    }

    public void Type(string css, string text)
    {
        var box = Find(css);
        box.Clear();
        box.SendKeys(text);
    }

    public int Runs => Driver.FindElements(By.CssSelector("#runs li")).Count;

    /// <summary>A new run of the baseline with <paramref name="firms"/> firms, played until <paramref name="until"/> and paused there.</summary>
    public void StartPausedRun(int firms, string until, string pausedText)
    {
        Type("#firms", firms.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Find("#new-run").Click();
        Wait.Until(_ => Find("#run-until").Enabled);
        Type("#until", until);
        Find("#run-until").Click();
        Wait.Until(_ => Find("#runs li.current").Text.Contains(pausedText));
    }

    /// <summary>Runs the test's steps; when one fails, saves <c>NAME-failed.png</c> before the failure goes on; when all pass, <c>NAME.png</c>.</summary>
    public void Steps(string screenshot, Action steps)
    {
        try
        {
            steps();
            _browser.Screenshot(screenshot + ".png");
        }
        catch
        {
            _browser.Screenshot(screenshot + "-failed.png");
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _engine.DisposeAsync();
        _browser.Dispose();
    }
}
