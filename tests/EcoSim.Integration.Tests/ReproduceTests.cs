using System.Text.Json.Nodes;

namespace EcoSim.Integration.Tests;

/// <summary><c>ecosim reproduce</c>: identical bytes for runs, comparisons, ensembles and sweeps, tampering found, bad manifests refused.</summary>
public sealed class ReproduceTests
{
    private static string SmallBaseline => Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-baseline.yaml");

    private static Task<(int Code, string Output, string Errors)> Ecosim(params string[] args) => CliRunner.Ecosim(args);

    private static async Task<string> ShortRun(string root, params string[] extra)
    {
        string dir = Path.Combine(root, "run");
        var (code, _, errors) = await Ecosim(["run", TestFiles.SmallScenario, "--engine", "reference", "--out", dir, "--ticks", "4", .. extra]);
        Assert.True(code == 0, errors);
        return dir;
    }

    [Fact]
    public async Task A_run_is_reproduced_byte_for_byte_plots_included()
    {
        string root = TestFiles.NewTempFolder();
        string dir = await ShortRun(root);
        string again = Path.Combine(root, "again");

        var (code, output, errors) = await Ecosim("reproduce", Path.Combine(dir, "manifest.json"), "--out", again);

        Assert.True(code == 0, errors + output);
        Assert.Contains("identical metrics.csv", output);
        Assert.Contains("identical metrics.parquet", output);
        Assert.Contains("identical report.html (presentation, not counted)", output);
        Assert.Matches(@"reproduced: all 2 data files are byte-identical to the manifest's, and so are all \d+ other files \(report.html and \d+ plot files\): everything the run determines is identical", output);
        Assert.DoesNotContain("differs", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("not identical", output);
        // The report shows the recorded command, start time and scenario path, so it is the original's byte for byte.
        foreach (string file in new[] { "metrics.csv", "metrics.parquet", "plots/rd.png", "report.html" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, file)), File.ReadAllBytes(Path.Combine(again, file)));
        AssertNoTemporaryPath(output + errors + File.ReadAllText(Path.Combine(again, "report.html")) + File.ReadAllText(Path.Combine(again, "manifest.json")));
    }

    [Theory]
    [InlineData("--max-work", "10", "(--max-work)")]
    [InlineData("--max-memory", "1MiB", "(--max-memory)")]
    public async Task A_reproduction_is_held_to_the_limits_it_is_given_and_runs_once_they_allow_it(string option, string tooLow, string named)
    {
        string root = TestFiles.NewTempFolder();
        string manifest = Path.Combine(await ShortRun(root, "--no-plots"), "manifest.json");

        var refused = await Ecosim("reproduce", manifest, "--out", Path.Combine(root, "refused"), option, tooLow);
        Assert.Equal(2, refused.Code);
        Assert.Contains($"{manifest}: scenarioText: does not load: ", refused.Errors);
        Assert.Contains(named, refused.Errors);
        Assert.Empty(refused.Output);
        Assert.False(Directory.Exists(Path.Combine(root, "refused")));

        var allowed = await Ecosim("reproduce", manifest, "--out", Path.Combine(root, "allowed"), "--max-work", "1e12", "--max-memory", "64GiB");
        Assert.True(allowed.Code == 0, allowed.Errors + allowed.Output);
        Assert.Contains("reproduced: all 2 data files are byte-identical", allowed.Output);
    }

    [Fact]
    public async Task Plots_whose_pixels_differ_are_named_but_do_not_count()
    {
        string root = TestFiles.NewTempFolder();
        string dir = await ShortRun(root);
        // As on a machine whose font rasteriser draws other pixels: the manifest records another plot.
        Edit(Path.Combine(dir, "manifest.json"), json => json["files"]!.AsArray().Single(f => (string?)f!["path"] == "plots/rd.png")!["sha256"] = new string('0', 64));
        File.Delete(Path.Combine(dir, "plots", "rd.png"));

        var (code, output, errors) = await Ecosim("reproduce", Path.Combine(dir, "manifest.json"), "--out", Path.Combine(root, "again"));

        Assert.True(code == 0, errors + output);
        Assert.Contains("differs   plots/rd.png (presentation, not counted: recorded 000000000000, reproduced ", output);
        Assert.Contains($"reproduced: all 2 data files are byte-identical to the manifest's{Environment.NewLine}", output);
        Assert.Matches(@"\n1 of the \d+ other files \(presentation, not counted\) is not identical: plots/rd.png; a plot's pixels come from the platform's font rasteriser", output);
        Assert.DoesNotContain("everything the run determines is identical", output);
    }

    [Fact]
    public async Task A_run_with_a_firm_panel_is_reproduced_with_its_panel()
    {
        string root = TestFiles.NewTempFolder();
        string dir = await ShortRun(root, "--no-plots", "--firm-panel-every", "2");

        var (code, output, errors) = await Ecosim("reproduce", Path.Combine(dir, "manifest.json"), "--out", Path.Combine(root, "again"));

        Assert.True(code == 0, errors + output);
        Assert.Contains("firm panel every 2 ticks", errors);
        Assert.Contains("identical firms.parquet", output);
        Assert.Contains("reproduced: all 3 data files are byte-identical", output);
    }

    [Fact]
    public async Task A_comparison_on_the_default_engine_with_each_run_whole_in_one_grain_is_reproduced_byte_for_byte()
    {
        string root = TestFiles.NewTempFolder();
        string dir = Path.Combine(root, "cmp");
        var run = await Ecosim("compare", SmallBaseline, TestFiles.SmallScenario, "--seeds", "2", "--parallel", "2", "--out", dir, "--ticks", "4", "--no-plots");
        Assert.True(run.Code == 0, run.Errors);

        var (code, output, errors) = await Ecosim("reproduce", Path.Combine(dir, "manifest.json"));

        Assert.True(code == 0, errors + output);
        Assert.Contains("each run whole in one grain", errors + output); // what will be run, as the manifest records it
        Assert.Contains("reproduced: all 6 data files are byte-identical", output);
    }

    [Fact]
    public async Task A_comparison_is_reproduced_byte_for_byte()
    {
        string root = TestFiles.NewTempFolder();
        string dir = Path.Combine(root, "cmp");
        var run = await Ecosim("compare", SmallBaseline, TestFiles.SmallScenario, "--seeds", "2", "--engine", "reference", "--out", dir, "--ticks", "4", "--no-plots");
        Assert.True(run.Code == 0, run.Errors);

        var (code, output, errors) = await Ecosim("reproduce", Path.Combine(dir, "manifest.json"));

        Assert.True(code == 0, errors + output);
        Assert.Contains("reproduced: all 6 data files are byte-identical", output); // 4 runs, their parquet, summary.csv
        Assert.Contains("and so are all 2 other files (findings.md and report.html): everything the run determines is identical", output);
        string again = Path.Combine(root, "cmp-reproduced");
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "report.html")), File.ReadAllBytes(Path.Combine(again, "report.html")));
        AssertNoTemporaryPath(output + errors + File.ReadAllText(Path.Combine(again, "report.html")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "runs", "metrics.parquet")), File.ReadAllBytes(Path.Combine(again, "runs", "metrics.parquet")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "summary.csv")), File.ReadAllBytes(Path.Combine(again, "summary.csv")));
    }

    [Fact]
    public async Task A_scenario_that_extends_another_is_rebuilt_from_the_manifest()
    {
        string root = TestFiles.NewTempFolder();
        Directory.CreateDirectory(Path.Combine(root, "scn", "base"));
        File.Copy(TestFiles.SmallScenario, Path.Combine(root, "scn", "base", "small.yaml"));
        File.Copy(SmallBaseline, Path.Combine(root, "scn", "base", "small-baseline.yaml")); // which small.yaml extends
        string child = Path.Combine(root, "scn", "child.yaml");
        File.WriteAllText(child, "name: child\nextends: base/small.yaml  # the small world\nseed: 21\n");
        string dir = Path.Combine(root, "child-run");
        Assert.Equal(0, (await Ecosim("run", child, "--engine", "reference", "--out", dir, "--ticks", "3", "--no-plots")).Code);
        Directory.Delete(Path.Combine(root, "scn"), recursive: true); // the manifest alone must do

        var (code, output, errors) = await Ecosim("reproduce", Path.Combine(dir, "manifest.json"), "--out", Path.Combine(root, "again"));

        Assert.True(code == 0, errors + output);
        Assert.Contains("run of child, seed 21, 3 ticks", errors);
    }

    [Fact]
    public async Task An_output_folder_given_for_its_manifest_is_reproduced_and_one_without_a_manifest_is_named()
    {
        string root = TestFiles.NewTempFolder();
        string dir = await ShortRun(root, "--no-plots");

        var (code, output, errors) = await Ecosim("reproduce", dir, "--out", Path.Combine(root, "again"));
        Assert.True(code == 0, errors + output);
        Assert.Contains($"reproducing {Path.Combine(dir, "manifest.json")}", output + errors);
        Assert.Contains("identical metrics.csv", output);

        string empty = Directory.CreateDirectory(Path.Combine(root, "empty")).FullName;
        var refused = await Ecosim("reproduce", empty, "--out", Path.Combine(root, "refused"));
        Assert.Equal(2, refused.Code);
        Assert.Contains(Path.Combine(empty, "manifest.json"), refused.Errors);
        Assert.Contains("file not found", refused.Errors);
        Assert.False(Directory.Exists(Path.Combine(root, "refused")));
    }

    [Fact]
    public async Task A_changed_data_file_beside_the_manifest_is_found()
    {
        string root = TestFiles.NewTempFolder();
        string dir = await ShortRun(root, "--no-plots");
        File.AppendAllText(Path.Combine(dir, "metrics.csv"), "0\n");

        var (code, output, _) = await Ecosim("reproduce", Path.Combine(dir, "manifest.json"), "--out", Path.Combine(root, "again"));

        Assert.Equal(3, code);
        Assert.Contains("CHANGED   metrics.csv: the reproduction matches the manifest, but the copy beside the manifest (", output);
        Assert.Contains("identical metrics.parquet", output);
        Assert.Contains("NOT reproduced: metrics.csv beside the manifest is not what the manifest records (changed after it was written; the reproduction matches the manifest)", output);
        Assert.Contains("the other file (report.html; presentation, not counted) is byte-identical", output);
    }

    [Fact]
    public async Task A_recorded_hash_that_the_run_does_not_give_is_reported_as_differing()
    {
        string root = TestFiles.NewTempFolder();
        string dir = await ShortRun(root, "--no-plots");
        string manifest = Path.Combine(dir, "manifest.json");
        var json = JsonNode.Parse(File.ReadAllText(manifest))!;
        var parquet = json["files"]!.AsArray().Single(f => (string?)f!["path"] == "metrics.parquet")!;
        parquet["sha256"] = new string('0', 64);
        File.WriteAllText(manifest, json.ToJsonString());
        File.Delete(Path.Combine(dir, "metrics.parquet")); // only the manifest's word counts now

        var (code, output, _) = await Ecosim("reproduce", manifest, "--out", Path.Combine(root, "again"));

        Assert.Equal(3, code);
        Assert.Contains("DIFFERS   metrics.parquet: recorded 000000000000, reproduced ", output);
        Assert.Contains("identical metrics.csv", output);
        Assert.Contains($"NOT reproduced: 1 of 2 data files differ from the manifest's: metrics.parquet{Environment.NewLine}", output);
        Assert.DoesNotContain("everything the run determines is identical", output);
    }

    [Fact]
    public async Task A_manifest_written_before_plots_was_recorded_is_still_reproduced()
    {
        string root = TestFiles.NewTempFolder();
        string dir = await ShortRun(root, "--no-plots");
        Edit(Path.Combine(dir, "manifest.json"), json => json.AsObject().Remove("plots"));

        var (code, output, errors) = await Ecosim("reproduce", Path.Combine(dir, "manifest.json"), "--out", Path.Combine(root, "again"));

        Assert.True(code == 0, errors + output);
        Assert.False(Directory.Exists(Path.Combine(root, "again", "plots")));
    }

    public static TheoryData<string, string> BadManifests => new()
    {
        { "missing", "manifest.json: file not found" },
        { "not json", "manifest.json: not valid JSON" },
        { "format", "manifest.json: format: is not \"ecosim-run\"" },
        { "no seed", "manifest.json: seed: is missing" },
        { "no seed and no engine", "manifest.json: seed: is missing; so is engine" },
        { "no files", "manifest.json: files: is missing" },
        { "no format", "manifest.json: format: is missing (\"ecosim-run\" in an EcoSim manifest)" },
        { "ticks as text", "manifest.json: tickCount: expected a whole number, found the text \"eight\"" },
        { "seed as a fraction", "manifest.json: seed: expected a whole number between 0 and 18446744073709551615, found the number 7.5" },
        { "files as an object", "manifest.json: files: expected a list, found an object" },
        { "duplicate key", "manifest.json: seed: appears twice; a manifest gives each key once" },
        { "duplicate nested key", "manifest.json: files[0].path: appears twice; a manifest gives each key once" },
        { "engine", "manifest.json: engine: 'quantum' is not an engine this program runs" },
        { "scenario text", "manifest.json: scenarioSha256: is not the SHA-256 of scenarioText" },
        { "kind", "manifest.json: kind: 'forecast' is not a kind of output this program reads (run, compare, ensemble, sweep, sensitivity, calibration, check-model)" },
        { "version", "manifest.json: formatVersion: 99 is not a manifest version this program reads" },
        { "files", "manifest.json: files: '../escape.csv' is not a path inside the output folder" },
        { "ticks", "manifest.json: tickCount: 400 is more than the 8 ticks of the recorded scenario" },
        { "panel", "manifest.json: firmPanelEvery: 0 is not a number of ticks" },
    };

    [Theory]
    [MemberData(nameof(BadManifests))]
    public async Task A_bad_manifest_exits_2_names_the_file_and_key_and_writes_nothing(string fault, string expected)
    {
        string root = TestFiles.NewTempFolder();
        string dir = await ShortRun(root, "--no-plots");
        string manifest = Path.Combine(dir, "manifest.json");
        switch (fault)
        {
            case "missing": File.Delete(manifest); break;
            case "not json": File.WriteAllText(manifest, "{ \"format\": \"ecosim-run\", "); break;
            case "format": Edit(manifest, j => j["format"] = "something-else"); break;
            case "no seed": Edit(manifest, j => j.AsObject().Remove("seed")); break;
            case "no seed and no engine": Edit(manifest, j => { j.AsObject().Remove("seed"); j.AsObject().Remove("engine"); }); break;
            case "no files": Edit(manifest, j => j.AsObject().Remove("files")); break;
            case "no format": Edit(manifest, j => j.AsObject().Remove("format")); break;
            case "ticks as text": Edit(manifest, j => j["tickCount"] = "eight"); break;
            case "seed as a fraction": Edit(manifest, j => j["seed"] = 7.5); break;
            case "files as an object": Edit(manifest, j => j["files"] = new JsonObject()); break;
            // JSON readers keep the last of two equal keys silently; a manifest that gives one twice is refused instead.
            case "duplicate key": File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"engine\":", "\"seed\": 8,\n  \"engine\":", StringComparison.Ordinal)); break;
            case "duplicate nested key": File.WriteAllText(manifest, ReplaceFirst(File.ReadAllText(manifest), "\"path\":", "\"path\": \"other.csv\", \"path\":")); break;
            case "engine": Edit(manifest, j => j["engine"] = "quantum"); break;
            case "scenario text": Edit(manifest, j => j["scenarioText"] = (string?)j["scenarioText"] + "\n# edited\n"); break;
            case "kind": Edit(manifest, j => j["kind"] = "forecast"); break;
            case "version": Edit(manifest, j => j["formatVersion"] = 99); break;
            case "files": Edit(manifest, j => j["files"]![0]!["path"] = "../escape.csv"); break;
            case "ticks": Edit(manifest, j => j["tickCount"] = 400); break;
            case "panel": Edit(manifest, j => j["firmPanelEvery"] = 0); break;
        }
        string again = Path.Combine(root, "again");

        var (code, output, errors) = await Ecosim("reproduce", manifest, "--out", again);

        Assert.Equal(2, code);
        Assert.Contains($"error: {Path.Combine(dir, expected)}", errors);
        Assert.Empty(output);
        Assert.False(Directory.Exists(again));
        Assert.Equal(["run"], Directory.GetFileSystemEntries(root).Select(Path.GetFileName));
    }

    private static async Task<string> ShortEnsemble(string root, params string[] extra)
    {
        string dir = Path.Combine(root, "ens");
        var (code, _, errors) = await Ecosim(["run", TestFiles.SmallScenario, "--seeds", "3", "--engine", "reference", "--ticks", "8", "--out", dir, .. extra]);
        Assert.True(code == 0, errors);
        return dir;
    }

    private static async Task<string> ShortSweep(string root, params string[] extra)
    {
        string dir = Path.Combine(root, "sweep");
        var (code, _, errors) = await Ecosim(["sweep", SmallBaseline, "--param", "basicShare=0.1:0.3:0.1", "--seeds", "2", "--engine", "reference", "--ticks", "8", "--out", dir, .. extra]);
        Assert.True(code == 0, errors);
        return dir;
    }

    [Fact]
    public async Task An_ensemble_is_reproduced_byte_for_byte_though_its_runs_finish_in_another_order()
    {
        string root = TestFiles.NewTempFolder();
        string dir = await ShortEnsemble(root, "--parallel", "1"); // one at a time; the reproduction runs several at once

        var (code, output, errors) = await Ecosim("reproduce", Path.Combine(dir, "manifest.json"));

        Assert.True(code == 0, errors + output);
        Assert.Contains("reproducing ", errors);
        Assert.Contains("ensemble of small, 3 seeds from 7, 8 ticks, engine reference", errors);
        Assert.Contains("identical summary.csv", output);
        Assert.Contains("identical runs/small-seed9.csv", output);
        Assert.Contains("identical runs/metrics.parquet", output);
        Assert.Contains("reproduced: all 5 data files are byte-identical", output); // 3 runs, their parquet and summary.csv
        string again = Path.Combine(root, "ens-reproduced");
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "summary.csv")), File.ReadAllBytes(Path.Combine(again, "summary.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "plots", "firms.png")), File.ReadAllBytes(Path.Combine(again, "plots", "firms.png"))); // redrawn with the original date
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "report.html")), File.ReadAllBytes(Path.Combine(again, "report.html")));
        Assert.Contains("everything the run determines is identical", output);
    }

    [Fact]
    public async Task A_sweep_is_reproduced_byte_for_byte_with_its_grid_seeds_and_options()
    {
        string root = TestFiles.NewTempFolder();
        string dir = await ShortSweep(root, "--parallel", "1", "--no-plots", "--seed", "30");

        var (code, output, errors) = await Ecosim("reproduce", Path.Combine(dir, "manifest.json"), "--out", Path.Combine(root, "again"));

        Assert.True(code == 0, errors + output);
        Assert.Contains("sweep of small-baseline over basicShare=0.1:0.3:0.1, 3 points x 2 seeds from 30, 8 ticks, engine reference", errors);
        Assert.Contains("identical sweep.csv", output);
        Assert.Contains("identical runs/basicShare=0.2-seed31.csv", output);
        Assert.Contains("identical runs/metrics.parquet", output);
        Assert.Contains("reproduced: all 8 data files are byte-identical", output); // 6 runs, their parquet and sweep.csv
        Assert.False(Directory.Exists(Path.Combine(root, "again", "plots"))); // --no-plots is recorded and kept
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "sweep.csv")), File.ReadAllBytes(Path.Combine(root, "again", "sweep.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "report.html")), File.ReadAllBytes(Path.Combine(root, "again", "report.html")));
        Assert.Contains("and so is the other file (report.html): everything the run determines is identical", output);
    }

    [Fact]
    public async Task A_changed_summary_csv_beside_an_ensemble_manifest_is_found()
    {
        string root = TestFiles.NewTempFolder();
        string dir = await ShortEnsemble(root, "--no-plots");
        string summary = Path.Combine(dir, "summary.csv");
        File.WriteAllText(summary, File.ReadAllText(summary).Replace("2025Q4,", "2025Q3,", StringComparison.Ordinal));

        var (code, output, _) = await Ecosim("reproduce", Path.Combine(dir, "manifest.json"), "--out", Path.Combine(root, "again"));

        Assert.Equal(3, code);
        Assert.Contains("CHANGED   summary.csv", output);
        Assert.Contains("identical runs/small-seed7.csv", output);
        Assert.Contains("NOT reproduced: summary.csv beside the manifest is not what the manifest records", output);
    }

    [Fact]
    public async Task A_changed_sweep_csv_beside_a_sweep_manifest_is_found()
    {
        string root = TestFiles.NewTempFolder();
        string dir = await ShortSweep(root, "--no-plots");
        string sweep = Path.Combine(dir, "sweep.csv");
        var lines = File.ReadAllLines(sweep);
        lines[1] = lines[1] + "1"; // one more digit in the first row's p95
        File.WriteAllText(sweep, string.Join("\n", lines) + "\n");

        var (code, output, _) = await Ecosim("reproduce", Path.Combine(dir, "manifest.json"), "--out", Path.Combine(root, "again"));

        Assert.Equal(3, code);
        Assert.Contains("CHANGED   sweep.csv", output);
        Assert.Contains("NOT reproduced: sweep.csv beside the manifest is not what the manifest records", output);
    }

    public static TheoryData<string, string, string> BadEnsembleAndSweepManifests => new()
    {
        { "ensemble", "seeds", "seeds: are not consecutive from 7, as ecosim run --seeds runs them" },
        { "ensemble", "no seeds", "seeds: lists no seeds" },
        { "ensemble", "scenario text", "scenario.sha256: is not the SHA-256 of scenario.text" },
        { "ensemble", "no scenario", "scenario: is missing" },
        { "ensemble", "engine", "engine: 'quantum' is not an engine this program runs" },
        { "ensemble", "ticks", "tickCount: 400 is more than the 8 ticks of the recorded scenario" },
        { "ensemble", "plots", "plots: expected true or false, found the text \"yes\"" },
        { "sweep", "seeds", "seeds: are not consecutive from 7, as ecosim sweep runs them" },
        { "sweep", "unknown parameter", "parameters: do not make a grid: --param bogus=0.1:0.3:0.1: unknown parameter 'bogus'" },
        { "sweep", "step", "parameters: do not make a grid: --param basicShare=0.1:0.3:0.07: STEP 0.07 does not divide" },
        { "sweep", "values", "parameters[0].values: are not the values of basicShare=0.1:0.3:0.1 (0.1, 0.2, 0.3)" },
        { "sweep", "no parameters", "parameters: lists no swept parameter" },
        { "sweep", "points", "points: 4 is not the 3 points of the grid basicShare=0.1:0.3:0.1" },
        { "sweep", "scenario text", "scenario.sha256: is not the SHA-256 of scenario.text" },
    };

    [Theory]
    [MemberData(nameof(BadEnsembleAndSweepManifests))]
    public async Task A_bad_ensemble_or_sweep_manifest_exits_2_names_the_key_and_writes_nothing(string kind, string fault, string expected)
    {
        string root = TestFiles.NewTempFolder();
        string dir = kind == "ensemble" ? await ShortEnsemble(root, "--no-plots") : await ShortSweep(root, "--no-plots");
        string manifest = Path.Combine(dir, "manifest.json");
        Edit(manifest, j =>
        {
            switch (fault)
            {
                case "seeds": j["seeds"]![1] = 99; break;
                case "no seeds": j["seeds"] = new JsonArray(); break;
                case "scenario text": j["scenario"]!["text"] = (string?)j["scenario"]!["text"] + "\n# edited\n"; break;
                case "no scenario": j.AsObject().Remove("scenario"); break;
                case "engine": j["engine"] = "quantum"; break;
                case "ticks": j["tickCount"] = 400; break;
                case "plots": j["plots"] = "yes"; break;
                case "unknown parameter": j["parameters"]![0]!["name"] = "bogus"; break;
                case "step": j["parameters"]![0]!["step"] = 0.07; break;
                case "values": j["parameters"]![0]!["values"]![2] = 0.35; break;
                case "no parameters": j["parameters"] = new JsonArray(); break;
                case "points": j["points"] = 4; break;
                default: throw new ArgumentException(fault, nameof(fault));
            }
        });
        string again = Path.Combine(root, "again");

        var (code, output, errors) = await Ecosim("reproduce", manifest, "--out", again);

        Assert.Equal(2, code);
        Assert.Contains($"error: {manifest}: ", errors);
        Assert.Contains(expected, errors);
        Assert.Empty(output);
        Assert.False(Directory.Exists(again));
    }

    /// <summary>A reproduction rebuilds the scenario files in a temporary folder; no output may name it.</summary>
    private static void AssertNoTemporaryPath(string text) => Assert.DoesNotContain("ecosim-reproduce-", text);

    private static void Edit(string manifest, Action<JsonNode> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(manifest))!;
        change(json);
        File.WriteAllText(manifest, json.ToJsonString());
    }

    private static string ReplaceFirst(string text, string what, string with)
    {
        int at = text.IndexOf(what, StringComparison.Ordinal);
        return text[..at] + with + text[(at + what.Length)..];
    }
}
