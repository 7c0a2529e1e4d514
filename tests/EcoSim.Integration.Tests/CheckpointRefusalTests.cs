using System.Buffers.Binary;

namespace EcoSim.Integration.Tests;

/// <summary>
/// Through the command line: a checkpoint that is truncated, changed, of another format version or missing a part,
/// a fork that changes what it cannot, and malformed checkpoint options are each refused with exit code 2 and a
/// message naming what is wrong, and nothing is written, on either engine's resume path.
/// </summary>
public class CheckpointRefusalTests : IClassFixture<CheckpointRefusalTests.Parent>
{
    /// <summary>One run of the small scenario with a checkpoint at 2025Q1, shared by the tests.</summary>
    public sealed class Parent
    {
        public Parent()
        {
            Folder = Path.Combine(TestFiles.NewTempFolder(), "parent");
            var run = CliRunner.Ecosim("run", TestFiles.SmallScenario, "--engine", "reference", "--no-plots", "--out", Folder, "--checkpoint-at", "2025Q1").GetAwaiter().GetResult();
            if (run.Code != 0) throw new InvalidOperationException(run.Errors);
            Bytes = File.ReadAllBytes(Checkpoint);
        }

        public string Folder { get; }
        public string Checkpoint => Path.Combine(Folder, "checkpoints", "2025Q1.ecosnap");
        public byte[] Bytes { get; }
    }

    private readonly Parent _parent;

    public CheckpointRefusalTests(Parent parent) => _parent = parent;

    public static TheoryData<string> Corruptions()
    {
        var data = new TheoryData<string>();
        foreach (var c in new[] { "cut:0", "cut:5", "cut:13", "cut:200", "cut:0.3", "cut:0.7", "cut:-1", "cut:-33",
                     "flip:3", "flip:9", "flip:16", "flip:0.1", "flip:0.5", "flip:0.9", "flip:-1", "flip:-40",
                     "version:1", "version:4", "version:0", "missing:0", "missing:2", "missing:7", "missing:-1", "swap:3", "extra:1" })
            data.Add(c);
        return data;
    }

    [Theory]
    [MemberData(nameof(Corruptions))]
    public async Task A_corrupt_checkpoint_is_refused_by_resume_and_fork_naming_the_part_and_nothing_is_written(string corruption)
    {
        var (bad, part) = Corrupt(corruption);
        string root = TestFiles.NewTempFolder(), file = Path.Combine(root, "bad.ecosnap");
        File.WriteAllBytes(file, bad);
        foreach (var command in new[] { new[] { "resume", file }, ["fork", file, "--set", "basicShare=0.3"], ["resume", file, "--engine", "reference"], ["fork", file, "--set", "basicShare=0.3", "--engine", "reference"] })
        {
            string output = Path.Combine(root, $"out-{string.Join('-', command.Where(c => !c.Contains('/', StringComparison.Ordinal)))}");
            var (code, _, errors) = await CliRunner.Ecosim([.. command, "--out", output, "--no-plots"]);
            Assert.True(code == 2, $"{corruption}, {command[0]}: exit {code}: {errors}");
            Assert.Contains(part, errors, StringComparison.Ordinal);
            Assert.Contains("expected", errors, StringComparison.Ordinal);
            Assert.False(Directory.Exists(output), $"{corruption}: {output} was written");
        }
        Assert.Equal(["bad.ecosnap"], Directory.GetFileSystemEntries(root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_fork_under_an_unrelated_scenario_is_refused_as_unrelated()
    {
        var (code, errors) = await Refused("fork", _parent.Checkpoint, Path.Combine(TestFiles.RepoRoot, "scenarios", "guangdong-baseline.yaml"));
        Assert.Equal(2, code);
        Assert.Contains("unrelated", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("initialWage=300", "parameter initialWage", "only acts at tick 0")]
    [InlineData("initialSizeDispersion=1.5", "parameter initialSizeDispersion", "only acts at tick 0")]
    public async Task A_fork_of_what_only_acts_at_the_start_is_refused_naming_it(string setting, string named, string why)
    {
        var (code, errors) = await Refused("fork", _parent.Checkpoint, "--set", setting);
        Assert.Equal(2, code);
        Assert.Contains(named, errors, StringComparison.Ordinal);
        Assert.Contains(why, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fork_whose_policy_changes_quarters_already_run_is_refused_naming_the_parameter()
    {
        string policy = Path.Combine(Path.GetDirectoryName(TestFiles.SmallScenario)!, "small-baseline.yaml");
        // small.yaml raises minBasicShare from 2024Q4; its baseline does not, so the baseline cannot continue small's 2025Q1.
        var (code, errors) = await Refused("fork", _parent.Checkpoint, policy);
        Assert.Equal(2, code);
        Assert.Contains("parameter minBasicShare changes before 2025Q1", errors, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> BadCommands() => new()
    {
        { ["run", "{scenario}", "--checkpoint-at", "1999Q1"], "outside the run" },
        { ["run", "{scenario}", "--checkpoint-at", "2024Q1"], "outside the run" },
        { ["run", "{scenario}", "--checkpoint-at", "2026Q2"], "outside the run" },
        { ["run", "{scenario}", "--checkpoint-at", "soon"], "is not a quarter" },
        { ["run", "{scenario}", "--checkpoint-at", "2025Q1,2025Q9"], "is not a quarter" },
        { ["run", "{scenario}", "--checkpoint-every", "0"], "--checkpoint-every" },
        { ["run", "{scenario}", "--checkpoint-dir", "{root}/c"], "needs --checkpoint-every or --checkpoint-at" },
        { ["run", "{scenario}", "--checkpoint-every", "2", "--checkpoint-dir", "{scenario}"], "is a file" },
        { ["run", "{scenario}", "--checkpoint-every", "2", "--seeds", "2"], "single runs" },
        { ["fork", "{checkpoint}"], "needs a policy scenario file or --set" },
        { ["fork", "{checkpoint}", "--set", "noSuchThing=1"], "no model parameter is called 'noSuchThing'" },
        { ["fork", "{checkpoint}", "--set", "basicShare=7"], "basicShare takes a number from" },
        { ["fork", "{checkpoint}", "--set", "basicShare"], "is not NAME=VALUE" },
        { ["resume", "{root}/none.ecosnap"], "cannot be read" },
        { ["resume", "{scenario}"], "not an EcoSim snapshot" },
        { ["resume", "{checkpoint}", "--ticks", "4"], "nothing is left to run" },
        { ["resume", "{checkpoint}", "--ticks", "99"], "--ticks 99 is more than" },
    };

    [Theory]
    [MemberData(nameof(BadCommands))]
    public async Task A_bad_checkpoint_command_exits_2_with_a_message_and_writes_nothing(string[] args, string message)
    {
        string root = TestFiles.NewTempFolder(), output = Path.Combine(root, "out");
        var filled = args.Select(a => a.Replace("{scenario}", TestFiles.SmallScenario).Replace("{checkpoint}", _parent.Checkpoint).Replace("{root}", root)).ToArray();
        var (code, _, errors) = await CliRunner.Ecosim([.. filled, "--out", output, "--no-plots"]);
        Assert.True(code == 2, $"exit {code}: {errors}");
        Assert.Contains(message, errors, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }

    private async Task<(int Code, string Errors)> Refused(params string[] args)
    {
        string output = Path.Combine(TestFiles.NewTempFolder(), "out");
        var (code, _, errors) = await CliRunner.Ecosim([.. args, "--out", output, "--no-plots"]);
        Assert.False(Directory.Exists(output));
        return (code, errors);
    }

    // A corruption of the parent's checkpoint and the part (or "header"/"trailer") its refusal must name.
    // Offsets: whole numbers count bytes (negative from the end), fractions are shares of the length.
    private (byte[] Bytes, string Part) Corrupt(string corruption)
    {
        var good = _parent.Bytes;
        var layout = new SnapshotSurgery(good);
        string[] split = corruption.Split(':');
        double number = double.Parse(split[1], System.Globalization.CultureInfo.InvariantCulture);
        int At(double n) => n < 0 ? good.Length + (int)n : n < 1 && n > 0 ? (int)(good.Length * n) : (int)n;
        string PartAt(int offset) => offset < 12 ? "header" : layout.Parts.FirstOrDefault(p => offset >= p.Start && offset < p.End).Name ?? "trailer";
        int Index(double n) => n < 0 ? layout.Parts.Count + (int)n : (int)n;
        switch (split[0])
        {
            case "cut": return (good[..At(number)], PartAt(At(number)));
            case "flip":
                var flipped = (byte[])good.Clone();
                flipped[At(number)] ^= 0x04;
                return (flipped, PartAt(At(number)));
            case "version":
                var other = (byte[])good.Clone();
                BinaryPrimitives.WriteInt32LittleEndian(other.AsSpan(8), (int)number);
                return (other, $"version {(int)number}");
            case "missing": return (layout.Without(Index(number)), $"part '{layout.Parts[Index(number)].Name}'");
            case "swap":
                int s = (int)number;
                return (layout.With(Enumerable.Range(0, layout.Parts.Count).Select(p => p == s ? s + 1 : p == s + 1 ? s : p)), $"part '{layout.Parts[s].Name}'");
            default: return (layout.With(Enumerable.Range(0, layout.Parts.Count).Append((int)number)), "trailer");
        }
    }
}
