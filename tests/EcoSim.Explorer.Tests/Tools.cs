namespace EcoSim.Explorer.Tests;

/// <summary>
/// Programs some tests need beyond the .NET SDK (python3, chromium). Where one is missing the test
/// passes with a note, unless ECOSIM_REQUIRE_TOOLS=1 (CI sets it once it has installed them), where
/// it fails: a missing tool in CI must not turn a test into one that cannot fail.
/// </summary>
internal static class Tools
{
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

    public static void SkipOrFail(string name)
    {
        if (Environment.GetEnvironmentVariable("ECOSIM_REQUIRE_TOOLS") == "1")
            Assert.Fail($"{name} is required (ECOSIM_REQUIRE_TOOLS=1) but is not on PATH");
        Console.WriteLine($"note: {name} is not on PATH; the test that needs it did not run");
    }
}
