using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace EcoSim.Explorer.Tests;

/// <summary>Debian's chromium, headless, driven by its chromedriver; downloads go to <see cref="Downloads"/>.</summary>
internal sealed class HeadlessChromium : IDisposable
{
    private readonly ChromeDriverService _service;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, string downloads) => (_service, Driver, Downloads) = (service, driver, downloads);

    public ChromeDriver Driver { get; }

    /// <summary>A folder of the test's own where the browser saves what it downloads.</summary>
    public string Downloads { get; }

    /// <summary>The browser, or null (with a note, or a failure under ECOSIM_REQUIRE_TOOLS=1) when chromium or chromedriver is not installed.</summary>
    public static HeadlessChromium? Start()
    {
        if (Tools.Find("chromium") is not { } chromium || Tools.Find("chromedriver") is not { } driverPath) { Tools.SkipOrFail("chromium and chromedriver"); return null; }
        string downloads = Directory.CreateTempSubdirectory("ecosim-explorer-downloads-").FullName;
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1500,1300");
        options.AddUserProfilePreference("download.default_directory", downloads);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
        service.HideCommandPromptWindow = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromMinutes(2));
        driver.ExecuteCdpCommand("Browser.setDownloadBehavior", new Dictionary<string, object?> { ["behavior"] = "allow", ["downloadPath"] = downloads });
        return new HeadlessChromium(service, driver, downloads);
    }

    /// <summary>Saves a screenshot in the test's output folder and says where.</summary>
    public string Screenshot(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, name);
        ((ITakesScreenshot)Driver).GetScreenshot().SaveAsFile(path);
        Console.WriteLine($"screenshot: {path}");
        return path;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        _service.Dispose();
        Directory.Delete(Downloads, recursive: true);
    }
}
