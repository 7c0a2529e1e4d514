using System.IO.Compression;
using System.Net;
using System.Text.Json;
using EcoSim.Experiments;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Pipelines;
using EcoSim.Experiments.Reproducing;
using EcoSim.Explorer.Api;
using EcoSim.Explorer.Library;
using EcoSim.Explorer.Runs;
using EcoSim.Scenarios;

namespace EcoSim.Explorer.Tests;

/// <summary>
/// A run (and a branch) downloaded as the command line's output folder: <c>ecosim reproduce</c> passes on its
/// manifest, its metrics are the live run's quarters, and the scenario file and command the page shows write
/// the same bytes when saved and run as the command line runs them.
/// </summary>
public sealed class DownloadTests
{
    [Fact]
    public async Task A_downloaded_run_reproduces_and_holds_the_live_runs_quarters()
    {
        await using var server = await ExplorerServer.StartAsync();
        var run = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario, Seed: 11, Levers: [new LeverSetting("minBasicShare", 1 / 3.0, "2025Q1")]));
        await server.PostAsync<RunHistory>($"api/runs/{run.Id}/step", new StepRequest(7));
        var live = await server.GetAsync<RunHistory>($"api/runs/{run.Id}");

        var recipe = await server.GetAsync<RunRecipe>($"api/runs/{run.Id}/recipe");
        Assert.Equal(["ecosim", "run", recipe.ScenarioFile, "--ticks", "7", "--engine", "reference"], recipe.Command);
        Assert.Contains("set: { minBasicShare: 0.3333333333333333 }", recipe.ScenarioText);
        Assert.Contains("seed: 11", recipe.ScenarioText);
        // The pasted scenario is not shipped: its text is to be saved beside the file; the baseline it extends is shipped.
        Assert.Equal([new ExtendedFile("pasted.yaml", false, ExplorerServer.SmallScenario), new ExtendedFile("guangdong-baseline.yaml", true, null)], recipe.Extends);

        using var folder = new TempFolder();
        string unpacked = await DownloadAsync(server, $"api/runs/{run.Id}/download", folder.Path);
        Assert.Equal(Path.GetFileName(recipe.Folder), Path.GetFileName(unpacked));
        foreach (var file in new[] { "metrics.csv", "metrics.parquet", "manifest.json", "report.html" })
            Assert.True(File.Exists(Path.Combine(unpacked, file)), file);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(unpacked, "plots")));
        var manifest = ManifestReader.Read(Path.Combine(unpacked, "manifest.json"));
        Assert.Equal(recipe.Command, manifest.CommandLine);
        Assert.Equal(recipe.ScenarioFile, manifest.PayloadOf<RunPayload>().ScenarioPath);
        AssertSameQuarters(live.Quarters, MetricsCsvReader.ReadFile(Path.Combine(unpacked, "metrics.csv")));

        var reproduced = await new ReproducePipeline(PipelineEvents.Silent).ExecuteAsync(new ReproduceSettings(Path.Combine(unpacked, "manifest.json"), null, null), CancellationToken.None);
        Assert.True(reproduced.Verdict.Failures == 0, string.Join("\n", reproduced.Verdict.Lines));

        // The recipe as a user follows it: the files saved in a scenarios folder, then what 'ecosim run' runs.
        var command = await RunRecipeAsync(recipe, folder.Path, plots: true);
        foreach (var data in new[] { "metrics.csv", "metrics.parquet" })
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(unpacked, data)), await File.ReadAllBytesAsync(Path.Combine(command, data)));
    }

    [Fact]
    public async Task A_downloaded_branch_reproduces_as_its_parents_scenario_with_the_branchs_levers()
    {
        await using var server = await ExplorerServer.StartAsync();
        var parent = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario, Levers: [new LeverSetting("minBasicShare", 0.3333, "2024Q3")]));
        await server.PostAsync<RunHistory>($"api/runs/{parent.Id}/step", new StepRequest(5));
        var branch = await server.PostAsync<RunView>($"api/runs/{parent.Id}/branch", new BranchRequest([new LeverSetting("talentWeight", 0.4)]));
        await server.PostAsync<RunHistory>($"api/runs/{branch.Id}/step", new StepRequest(4));
        var live = await server.GetAsync<RunHistory>($"api/runs/{branch.Id}");

        var recipe = await server.GetAsync<RunRecipe>($"api/runs/{branch.Id}/recipe?plots=false");
        Assert.Equal(["ecosim", "run", recipe.ScenarioFile, "--ticks", "9", "--engine", "reference", "--no-plots"], recipe.Command);
        // The parent's lever first, then the branch's from the branch quarter, after the events of the scenario it extends.
        int parentLever = recipe.ScenarioText.IndexOf("- at: 2024Q3\n    set: { minBasicShare: 0.3333 }", StringComparison.Ordinal);
        int branchLever = recipe.ScenarioText.IndexOf("- at: 2025Q2\n    set: { talentWeight: 0.4 }", StringComparison.Ordinal);
        Assert.True(parentLever > 0 && branchLever > parentLever, recipe.ScenarioText);

        using var folder = new TempFolder();
        string unpacked = await DownloadAsync(server, $"api/runs/{branch.Id}/download?plots=false", folder.Path);
        Assert.False(Directory.Exists(Path.Combine(unpacked, "plots")));
        AssertSameQuarters(live.Quarters, MetricsCsvReader.ReadFile(Path.Combine(unpacked, "metrics.csv")));
        var reproduced = await new ReproducePipeline(PipelineEvents.Silent).ExecuteAsync(new ReproduceSettings(Path.Combine(unpacked, "manifest.json"), null, null), CancellationToken.None);
        Assert.True(reproduced.Verdict.Failures == 0, string.Join("\n", reproduced.Verdict.Lines));
        string command = await RunRecipeAsync(recipe, folder.Path, plots: false);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(unpacked, "metrics.csv")), await File.ReadAllBytesAsync(Path.Combine(command, "metrics.csv")));
    }

    [Fact]
    public async Task A_downloaded_branch_with_a_large_facility_reproduces_with_the_facility_as_a_scenario_event()
    {
        await using var server = await ExplorerServer.StartAsync();
        var parent = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario));
        await server.PostAsync<RunHistory>($"api/runs/{parent.Id}/step", new StepRequest(4));
        var facility = new FacilitySetting("Bay Area light source", "semiconductors", 0.5, 20, 1.25, 1.5);
        var branch = await server.PostAsync<RunView>($"api/runs/{parent.Id}/branch", new BranchRequest(Facilities: [facility]));
        await server.PostAsync<RunHistory>($"api/runs/{branch.Id}/step", new StepRequest(5));
        var live = await server.GetAsync<RunHistory>($"api/runs/{branch.Id}");

        var recipe = await server.GetAsync<RunRecipe>($"api/runs/{branch.Id}/recipe?plots=false");
        Assert.Contains("""
              - at: 2025Q1
                facility:
                  name: "Bay Area light source"
                  cluster: "semiconductors"
                  buildYears: 0.5
                  operationYears: 20
                  costPerYear: 1.25
                  knowledgeBoost: 1.5
            """.Replace("\r", ""), recipe.ScenarioText);

        using var folder = new TempFolder();
        string unpacked = await DownloadAsync(server, $"api/runs/{branch.Id}/download?plots=false", folder.Path);
        AssertSameQuarters(live.Quarters, MetricsCsvReader.ReadFile(Path.Combine(unpacked, "metrics.csv")));
        var reproduced = await new ReproducePipeline(PipelineEvents.Silent).ExecuteAsync(new ReproduceSettings(Path.Combine(unpacked, "manifest.json"), null, null), CancellationToken.None);
        Assert.True(reproduced.Verdict.Failures == 0, string.Join("\n", reproduced.Verdict.Lines));
        string command = await RunRecipeAsync(recipe, folder.Path, plots: false);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(unpacked, "metrics.csv")), await File.ReadAllBytesAsync(Path.Combine(command, "metrics.csv")));
        // The saved file, loaded as 'ecosim run' loads it, builds the facility in its host from the branch quarter.
        var saved = ScenarioLoader.Load(Path.Combine(folder.Path, "ecosim", recipe.ScenarioFile)).World;
        Assert.Equal(new Model.World.FacilitySpec(facility.Name!, saved.Clusters.Select(c => c.Id).ToList().IndexOf("semiconductors"), 4, 0.5, 20, 1.25, 1.5), Assert.Single(saved.Facilities));
    }

    [Fact]
    public async Task A_downloaded_branch_with_a_talent_programme_reproduces_with_the_programme_as_a_scenario_event()
    {
        await using var server = await ExplorerServer.StartAsync();
        var parent = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario));
        await server.PostAsync<RunHistory>($"api/runs/{parent.Id}/step", new StepRequest(4));
        var programme = new TalentProgrammeSetting("semiconductors", 12_345.5, Until: "2026Q1");
        var branch = await server.PostAsync<RunView>($"api/runs/{parent.Id}/branch", new BranchRequest(TalentProgrammes: [programme]));
        await server.PostAsync<RunHistory>($"api/runs/{branch.Id}/step", new StepRequest(5));
        var live = await server.GetAsync<RunHistory>($"api/runs/{branch.Id}");

        var recipe = await server.GetAsync<RunRecipe>($"api/runs/{branch.Id}/recipe?plots=false");
        Assert.Contains("""
              - at: 2025Q1
                talentProgramme:
                  cluster: "semiconductors"
                  researchersPerYear: 12345.5
                  until: "2026Q1"
            """.Replace("\r", ""), recipe.ScenarioText);

        using var folder = new TempFolder();
        string unpacked = await DownloadAsync(server, $"api/runs/{branch.Id}/download?plots=false", folder.Path);
        AssertSameQuarters(live.Quarters, MetricsCsvReader.ReadFile(Path.Combine(unpacked, "metrics.csv")));
        var reproduced = await new ReproducePipeline(PipelineEvents.Silent).ExecuteAsync(new ReproduceSettings(Path.Combine(unpacked, "manifest.json"), null, null), CancellationToken.None);
        Assert.True(reproduced.Verdict.Failures == 0, string.Join("\n", reproduced.Verdict.Lines));
        string command = await RunRecipeAsync(recipe, folder.Path, plots: false);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(unpacked, "metrics.csv")), await File.ReadAllBytesAsync(Path.Combine(command, "metrics.csv")));
        // The saved file, loaded as 'ecosim run' loads it, recruits into its cluster from the branch quarter to 2026Q1.
        var saved = ScenarioLoader.Load(Path.Combine(folder.Path, "ecosim", recipe.ScenarioFile)).World;
        Assert.Equal(new Model.World.ClusterShock(Model.World.ShockKind.TalentProgramme, saved.Clusters.Select(c => c.Id).ToList().IndexOf("semiconductors"), 4, 8, 12_345.5),
            Assert.Single(saved.Shocks));
    }

    [Fact]
    public async Task A_run_with_no_quarter_has_nothing_to_download()
    {
        await using var server = await ExplorerServer.StartAsync();
        var run = await server.StartRunAsync(new StartRequest(ScenarioText: ExplorerServer.SmallScenario));
        var response = await server.Client.GetAsync($"api/runs/{run.Id}/download");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("no quarter yet", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await server.NewSession().GetAsync($"api/runs/{run.Id}/recipe")).StatusCode);
    }

    private static async Task<string> DownloadAsync(ExplorerServer server, string path, string into)
    {
        var response = await server.Client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        string unpacked = Path.Combine(into, "download");
        ZipFile.ExtractToDirectory(await response.Content.ReadAsStreamAsync(), unpacked);
        return Assert.Single(Directory.GetDirectories(unpacked));
    }

    // Saves the recipe's file and the files it extends in a scenarios folder and runs it as 'ecosim run' does.
    private static async Task<string> RunRecipeAsync(RunRecipe recipe, string into, bool plots)
    {
        string root = Path.Combine(into, "ecosim");
        Directory.CreateDirectory(Path.Combine(root, RunScenarioFile.Folder));
        await File.WriteAllTextAsync(Path.Combine(root, recipe.ScenarioFile), recipe.ScenarioText);
        foreach (var extended in recipe.Extends)
            await File.WriteAllTextAsync(Path.Combine(root, RunScenarioFile.Folder, extended.FileName),
                extended.Text ?? await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "scenarios", extended.FileName)));
        var scenario = ScenarioLoader.Load(Path.Combine(root, recipe.ScenarioFile));
        scenario = scenario with { Path = recipe.ScenarioFile, World = scenario.World with { Ticks = recipe.Quarters } };
        string output = Path.Combine(root, recipe.Folder);
        await new RunPipeline(PipelineEvents.Silent).ExecuteAsync(new RunSettings(scenario, new OutputSettings(new EngineChoice(EngineKind.Reference), output, plots)), CancellationToken.None);
        return output;
    }

    private static void AssertSameQuarters(IReadOnlyList<QuarterView> live, IReadOnlyList<Model.Metrics.MetricsRow> written)
    {
        Assert.Equal(live.Count * (live[0].Clusters.Length + 1), written.Count);
        foreach (var row in written)
        {
            var quarter = live[row.Tick];
            Assert.Equal(quarter.Period, row.Period);
            var expected = row.Cluster == Model.Metrics.MetricsRow.RegionIndex ? quarter.Region : quarter.Clusters[row.Cluster];
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), row.Values.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EcoSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("EcoSim.sln not found above the test folder");
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("ecosim-explorer-test-").FullName;
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
