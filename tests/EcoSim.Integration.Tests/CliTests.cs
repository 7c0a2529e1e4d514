
namespace EcoSim.Integration.Tests;

/// <summary>The ecosim command line as a user meets it: exit codes, messages, help, and nothing half-written.</summary>
public sealed class CliTests
{
    private static Task<(int Code, string Output, string Errors)> Ecosim(params string[] args) => CliRunner.Ecosim(args);

    [Fact]
    public async Task Root_help_lists_the_run_command()
    {
        var (code, output, _) = await Ecosim("--help");
        Assert.Equal(0, code);
        Assert.Contains("run", output);
        Assert.Contains("Guangdong", output);
    }

    [Fact]
    public async Task Run_help_describes_every_option()
    {
        var (code, output, _) = await Ecosim("run", "--help");
        Assert.Equal(0, code);
        foreach (var option in new[] { "<scenario>", "--out", "--seed", "--engine", "--firms-per-shard", "--ticks", "--cluster", "--no-plots" })
            Assert.Contains(option, output);
        Assert.Contains("reference", output);
        Assert.Contains("runs/<scenario name>", output);
    }

    [Fact]
    public async Task A_reference_run_writes_a_complete_folder()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "ref");
        var (code, output, errors) = await Ecosim("run", TestFiles.SmallScenario, "--engine", "reference", "--out", dir, "--no-plots");
        Assert.True(code == 0, errors);
        Assert.True(File.Exists(Path.Combine(dir, "metrics.csv")));
        Assert.True(File.Exists(Path.Combine(dir, "manifest.json")));
        Assert.Contains("wrote", output);
        // The closing summary gives a count as a whole number and money with one decimal.
        Assert.Matches(@"firms: +[\d,]+ -> [\d,]+\r?$", output.Split('\n').Single(l => l.TrimStart().StartsWith("firms:", StringComparison.Ordinal)));
        Assert.Matches(@"total R&D, bn yuan/yr: +[\d,]+\.\d -> [\d,]+\.\d", output);
        string report = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.Contains("name: small", report);
        Assert.Contains("Basic-knowledge stock</strong>: ", report);
        Assert.Contains("<section id=\"parameters\">", report);
        Assert.Contains("No plots were drawn", report);
        Assert.Contains(EcoSim.Experiments.Output.ManifestReader.Read(Path.Combine(dir, "manifest.json")).Files, f => f.Path == "report.html");
    }

    [Fact]
    public async Task The_embedded_silo_gives_the_same_bytes_as_the_reference_engine()
    {
        string root = TestFiles.NewTempFolder();
        var embedded = await Ecosim("run", TestFiles.SmallScenario, "--out", Path.Combine(root, "orleans"), "--no-plots", "--ticks", "4");
        var reference = await Ecosim("run", TestFiles.SmallScenario, "--engine", "reference", "--out", Path.Combine(root, "reference"), "--no-plots", "--ticks", "4");
        Assert.True(embedded.Code == 0, embedded.Errors);
        Assert.True(reference.Code == 0, reference.Errors);
        Assert.Contains("engine orleans (1 silo", embedded.Errors);
        Assert.Equal(File.ReadAllBytes(Path.Combine(root, "reference", "metrics.csv")), File.ReadAllBytes(Path.Combine(root, "orleans", "metrics.csv")));
    }

    [Fact]
    public async Task Rerunning_into_an_earlier_output_replaces_it_only_with_overwrite()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "again");
        Assert.Equal(0, (await Ecosim("run", TestFiles.SmallScenario, "--engine", "reference", "--out", dir, "--no-plots", "--ticks", "2")).Code);
        Assert.Equal(2, (await Ecosim("run", TestFiles.SmallScenario, "--engine", "reference", "--out", dir, "--no-plots", "--ticks", "3")).Code);
        Assert.Equal(2 * 5 + 1, File.ReadAllLines(Path.Combine(dir, "metrics.csv")).Length);
        Assert.Equal(0, (await Ecosim("run", TestFiles.SmallScenario, "--engine", "reference", "--out", dir, "--no-plots", "--ticks", "3", "--overwrite")).Code);
        Assert.Equal(3 * 5 + 1, File.ReadAllLines(Path.Combine(dir, "metrics.csv")).Length);
    }

    [Fact]
    public async Task Scenario_root_lets_a_scenario_extend_a_file_kept_elsewhere()
    {
        string root = TestFiles.NewTempFolder();
        string shared = Path.Combine(root, "shared");
        Directory.CreateDirectory(shared);
        File.Copy(Path.Combine(Path.GetDirectoryName(TestFiles.SmallScenario)!, "small-baseline.yaml"), Path.Combine(shared, "small-baseline.yaml"));
        string project = Path.Combine(root, "project");
        Directory.CreateDirectory(project);
        string child = Path.Combine(project, "small.yaml");
        File.WriteAllText(child, File.ReadAllText(TestFiles.SmallScenario).Replace("extends: small-baseline.yaml", "extends: ../shared/small-baseline.yaml"));

        var refused = await Ecosim("validate", child);
        var allowed = await Ecosim("validate", child, "--scenario-root", shared);

        Assert.Equal(2, refused.Code);
        Assert.Contains($"{child}:4:10: extends: '../shared/small-baseline.yaml' is outside the scenario's folder", refused.Errors);
        Assert.Contains("--scenario-root", refused.Errors);
        Assert.True(allowed.Code == 0, allowed.Errors);
        Assert.Contains($"ok: {child}: small", allowed.Output);
    }

    public static TheoryData<string, string> MalformedScenarios => new()
    {
        { "", "file is empty" },
        { "name: [unclosed", "not valid YAML" },
        { "- a\n- list", "expected a mapping" },
        { "name: x\nclusterz: []\n", "did you mean 'clusters'" },
        { "name: x\nstart: 2024Q5\n", "expected a quarter like 2024Q1" },
        { "name: x\nparameters:\n  basicShare: 1.5\n", "outside the allowed range [0, 1]" },
        { "name: x\nparameters:\n  basicShar: 0.3\n", "did you mean 'basicShare'" },
        { "a: &x [1]\nb: *x\n", "anchors and aliases are not supported" },
    };

    [Theory]
    [MemberData(nameof(MalformedScenarios))]
    public async Task A_malformed_scenario_exits_2_names_the_file_and_writes_nothing(string text, string expected)
    {
        string root = TestFiles.NewTempFolder();
        string file = Path.Combine(root, "bad.yaml");
        File.WriteAllText(file, text);
        string outDir = Path.Combine(root, "out");
        var (code, output, errors) = await Ecosim("run", file, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains(file, errors);
        Assert.Contains(expected, errors);
        Assert.Empty(output);
        Assert.False(Directory.Exists(outDir));
        Assert.Equal([file], Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public async Task A_malformed_scenario_error_gives_line_and_column()
    {
        string root = TestFiles.NewTempFolder();
        string file = Path.Combine(root, "bad.yaml");
        File.WriteAllText(file, "name: x\nstart: 2024Q1\nparameters:\n  replicatorStrength: lots\n");
        var (code, _, errors) = await Ecosim("run", file, "--out", Path.Combine(root, "out"));
        Assert.Equal(2, code);
        Assert.Contains($"{file}:4:23: parameters.replicatorStrength: expected a number, found 'lots'", errors);
    }

    [Fact]
    public async Task A_missing_scenario_exits_2()
    {
        string root = TestFiles.NewTempFolder();
        string file = Path.Combine(root, "nowhere.yaml");
        var (code, _, errors) = await Ecosim("run", file, "--out", Path.Combine(root, "out"));
        Assert.Equal(2, code);
        Assert.Contains($"{file}: file not found", errors);
        Assert.Equal([], Directory.GetFileSystemEntries(root));
    }

    [Theory]
    [InlineData("run", "--hlep")]
    [InlineData("validate", "--hlep")]
    [InlineData("reproduce", "--hlep")]
    public async Task A_misspelt_option_in_place_of_the_file_is_named_as_an_option_with_a_suggestion(string command, string typo)
    {
        var (code, _, errors) = await Ecosim(command, typo);
        Assert.Equal(2, code);
        Assert.Contains($"unknown option '{typo}' for 'ecosim {command}'; did you mean '--help'?", errors);
        Assert.DoesNotContain("file not found", errors);
    }

    [Theory]
    [InlineData("--engine", "quantum", "--engine: expected orleans or reference, found 'quantum'")]
    [InlineData("--engine", "refernce", "found 'refernce'; did you mean 'reference'?")]
    [InlineData("--seed", "abc", "--seed: expected a whole number between 0 and 18446744073709551615 (2^64-1), found 'abc'")]
    [InlineData("--seed", "-1", "--seed: expected a whole number between 0 and 18446744073709551615 (2^64-1), found '-1'")]
    [InlineData("--ticks", "0", "--ticks: expected a whole number of at least 1, found '0'")]
    [InlineData("--ticks", "many", "--ticks: expected a whole number of at least 1, found 'many'")]
    [InlineData("--ticks", "999", "more than the 8 ticks of small")]
    [InlineData("--firms-per-shard", "0", "--firms-per-shard: expected a whole number between 1 and 10000000, found '0'")]
    [InlineData("--firms-per-shard", "1e3", "--firms-per-shard: expected a whole number between 1 and 10000000, found '1e3'")]
    [InlineData("--seeds", "x", "--seeds: expected a whole number between 1 and 10000, found 'x'")]
    [InlineData("--parallel", "257", "--parallel: expected a whole number between 1 and 256, found '257'")]
    [InlineData("--firm-panel-every", "0", "--firm-panel-every: expected a whole number of at least 1, found '0'")]
    [InlineData("--cluster", "nowhere", "--cluster 'nowhere' is not host:port")]
    public async Task Bad_options_exit_2_and_write_nothing(string option, string value, string expected)
    {
        string root = TestFiles.NewTempFolder();
        var (code, _, errors) = await Ecosim("run", TestFiles.SmallScenario, "--out", Path.Combine(root, "out"), option, value);
        Assert.Equal(2, code);
        Assert.Contains(expected, errors);
        Assert.Equal([], Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public async Task An_existing_folder_that_is_not_an_ecosim_output_is_left_alone()
    {
        string dir = TestFiles.NewTempFolder();
        File.WriteAllText(Path.Combine(dir, "thesis.tex"), "precious");
        var (code, _, errors) = await Ecosim("run", TestFiles.SmallScenario, "--engine", "reference", "--out", dir);
        Assert.Equal(2, code);
        Assert.Contains(dir, errors);
        Assert.Equal([Path.Combine(dir, "thesis.tex")], Directory.GetFileSystemEntries(dir));
        Assert.Equal("precious", File.ReadAllText(Path.Combine(dir, "thesis.tex")));
    }

    [Fact]
    public async Task A_scenario_too_large_for_the_memory_ceiling_is_refused_until_the_ceiling_is_raised()
    {
        string root = TestFiles.NewTempFolder();
        string big = Path.Combine(root, "big.yaml");
        File.WriteAllText(big, File.ReadAllText(Path.Combine(Path.GetDirectoryName(TestFiles.SmallScenario)!, "small-baseline.yaml")).Replace("firms: 2000", "firms: 50000000"));
        var refused = await Ecosim("validate", big);
        Assert.Equal(2, refused.Code);
        Assert.Contains($"{big}:8:10: population.firms: a run of this scenario would need about ", refused.Errors);
        Assert.Contains("over the ceiling of 8.0 GiB (--max-memory)", refused.Errors);
        Assert.Contains("50,000,000 firms", refused.Errors);

        var allowed = await Ecosim("validate", big, "--max-memory", "16GiB");
        Assert.Equal(0, allowed.Code);
        Assert.Contains("50,000,000 firms", allowed.Output);

        var run = await Ecosim("run", big, "--out", Path.Combine(root, "out"), "--engine", "reference");
        Assert.Equal(2, run.Code);
        Assert.Contains("(--max-memory)", run.Errors);
        Assert.Equal([big], Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public async Task Validate_accepts_good_files_and_lists_every_error_of_bad_ones_without_writing()
    {
        string root = TestFiles.NewTempFolder();
        string bad = Path.Combine(root, "bad.yaml");
        File.WriteAllText(bad, "name: x\nstart: 2024Q9\nparameters:\n  basicShar: 2\n");
        var ok = await Ecosim("validate", TestFiles.SmallScenario);
        Assert.Equal(0, ok.Code);
        Assert.Contains("ok: ", ok.Output);
        Assert.Contains("small, 2024Q1..2025Q4 (8 ticks), 4 clusters", ok.Output);

        var (code, output, errors) = await Ecosim("validate", bad, TestFiles.SmallScenario);
        Assert.Equal(2, code);
        Assert.Contains($"{bad}:2:8: start: expected a quarter like 2024Q1, found '2024Q9'", errors);
        Assert.Contains($"{bad}:4:3: parameters.basicShar: unknown parameter; did you mean 'basicShare'?", errors);
        Assert.Contains("ok: ", output); // the good file is still checked
        Assert.Equal([bad], Directory.GetFileSystemEntries(root));
    }

    /// <summary>Every option that takes a value, on every command, with a value it must refuse.</summary>
    public static TheoryData<string, string, string> EveryValueOption => new()
    {
        { "run", "--seed", "x" }, { "run", "--seeds", "x" }, { "run", "--parallel", "x" }, { "run", "--engine", "x" },
        { "run", "--firms-per-shard", "x" }, { "run", "--ticks", "x" }, { "run", "--firm-panel-every", "x" },
        { "compare", "--seed", "x" }, { "compare", "--seeds", "x" }, { "compare", "--parallel", "x" }, { "compare", "--engine", "x" },
        { "compare", "--firms-per-shard", "x" }, { "compare", "--ticks", "x" },
        { "sweep", "--seed", "x" }, { "sweep", "--seeds", "x" }, { "sweep", "--parallel", "x" }, { "sweep", "--engine", "x" },
        { "sweep", "--firms-per-shard", "x" }, { "sweep", "--ticks", "x" },
        { "inspect", "--seed", "x" }, { "inspect", "--tick", "x" }, { "inspect", "--engine", "x" }, { "inspect", "--firms-per-shard", "x" },
        { "run", "--max-memory", "x" }, { "run", "--max-work", "x" }, { "compare", "--max-memory", "x" }, { "sweep", "--max-work", "x" },
        { "inspect", "--max-memory", "x" }, { "validate", "--max-memory", "x" }, { "validate", "--max-work", "x" },
        { "reproduce", "--max-memory", "x" }, { "reproduce", "--max-work", "x" },
    };

    [Theory]
    [MemberData(nameof(EveryValueOption))]
    public async Task A_bad_option_value_is_refused_in_words_naming_the_command_typed(string command, string option, string value)
    {
        string[] arguments = command switch
        {
            "compare" => [TestFiles.SmallScenario, TestFiles.SmallScenario],
            "sweep" => [TestFiles.SmallScenario, "--param", "basicShare=0.1:0.2:0.1"],
            "inspect" => [TestFiles.SmallScenario, "lab:0"],
            _ => [TestFiles.SmallScenario],
        };
        var (code, output, errors) = await Ecosim([command, .. arguments, option, value]);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains($"error: {option}: expected ", errors);
        Assert.Contains("found 'x'", errors);
        Assert.DoesNotContain("System.", errors);
        Assert.EndsWith($"see 'ecosim {command} --help'{Environment.NewLine}", errors);
    }

    [Theory]
    [InlineData("compare", "a.yaml")]
    [InlineData("sweep", "a.yaml")]
    [InlineData("validate")]
    [InlineData("inspect", "a.yaml")]
    [InlineData("reproduce")]
    [InlineData("run")]
    public async Task A_usage_error_points_to_the_help_of_the_command_typed(params string[] args)
    {
        var (code, _, errors) = await Ecosim(args);
        Assert.Equal(2, code);
        Assert.EndsWith($"see 'ecosim {args[0]} --help'{Environment.NewLine}", errors);
    }

    [Theory]
    [InlineData(new[] { "comapre", "a.yaml", "b.yaml" }, "error: unknown command 'comapre' for 'ecosim'; did you mean 'compare'?", "see 'ecosim --help'")]
    [InlineData(new[] { "valdate", "a.yaml" }, "did you mean 'validate'?", "see 'ecosim --help'")]
    [InlineData(new[] { "run", "a.yaml", "--sed", "3" }, "error: unknown option '--sed' for 'ecosim run'; did you mean '--seed'?", "see 'ecosim run --help'")]
    [InlineData(new[] { "compare", "a.yaml", "b.yaml", "--seeds", "3", "--paralel", "2" }, "unknown option '--paralel' for 'ecosim compare'; did you mean '--parallel'?", "see 'ecosim compare --help'")]
    [InlineData(new[] { "sweep", "a.yaml", "--param", "basicShare=0.1:0.2:0.1", "--engin", "reference" }, "unknown option '--engin' for 'ecosim sweep'; did you mean '--engine'?", "see 'ecosim sweep --help'")]
    [InlineData(new[] { "inspect", "a.yaml", "lab:1", "--jsn" }, "unknown option '--jsn' for 'ecosim inspect'; did you mean '--json'?", "see 'ecosim inspect --help'")]
    [InlineData(new[] { "run", "a.yaml", "--no-plot" }, "did you mean '--no-plots'?", "see 'ecosim run --help'")]
    public async Task A_misspelt_command_or_option_gets_a_suggestion(string[] args, string expected, string hint)
    {
        var (code, output, errors) = await Ecosim(args);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(expected, errors);
        Assert.EndsWith(hint + Environment.NewLine, errors);
        Assert.Equal(2, errors.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length); // one error and the hint: no echo of the option's value or of the parser's own message
    }

    [Fact]
    public async Task An_unknown_word_far_from_every_command_lists_the_commands()
    {
        var (code, _, errors) = await Ecosim("simulate", "a.yaml");
        Assert.Equal(2, code);
        Assert.Contains("unknown command 'simulate' for 'ecosim'; the commands are run, compare, sweep, sensitivity, calibrate, check-model, validate, inspect, reproduce, resume, fork, serve, attach", errors);
    }
}
