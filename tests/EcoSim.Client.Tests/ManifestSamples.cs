using EcoSim.Experiments;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;

namespace EcoSim.Client.Tests;

/// <summary>One fixed manifest of each kind, every value given, for tests of the JSON written.</summary>
internal static class ManifestSamples
{
    private static readonly ManifestScenario Scenario = new("small", "scenarios/small.yaml", "name: small\nseed: 7\n# 广东 & “quoted”\n", new string('c', 64));

    private static readonly IReadOnlyList<ManifestFile> Files =
        [new ManifestFile("metrics.csv", 12, new string('a', 64)), new ManifestFile("report.html", 34, new string('b', 64))];

    private static readonly DateTime Started = new(2025, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);
    private static readonly DateTime Ended = new(2025, 1, 2, 4, 0, 0, DateTimeKind.Utc);

    /// <summary>A run on three silos with a firm panel.</summary>
    public static OutputManifest Run() => new()
    {
        Payload = new RunPayload
        {
            ScenarioName = Scenario.Name,
            ScenarioPath = Scenario.Path,
            ScenarioText = Scenario.Text,
            ScenarioSha256 = Scenario.Sha256,
            Seed = ulong.MaxValue,
            FirstPeriod = "2024Q1",
            LastPeriod = "2025Q4",
            FirmPanelEvery = 4,
        },
        Engine = EngineKind.Orleans.Name(),
        SiloCount = 3,
        FirmsPerShard = 500,
        TickCount = 8,
        CodeVersion = "1.0.0+0123456789abcdef",
        UncommittedChanges = false,
        RuntimeVersion = ".NET 10.0.0",
        OsDescription = "Linux 6.1",
        CommandLine = ["ecosim", "run", "scenarios/small.yaml", "-o", "runs/a b"],
        StartedUtc = Started,
        EndedUtc = Ended,
        Plots = true,
        Files = Files,
    };

    /// <summary>A comparison of two seeds on the reference engine.</summary>
    public static OutputManifest Comparison() => new()
    {
        Payload = new ComparisonPayload
        {
            Baseline = Scenario,
            Policy = Scenario with { Name = "policy",
            Path = "scenarios/policy.yaml" },
            Seeds = [7, 8],
        },
        Engine = EngineKind.Reference.Name(),
        SiloCount = 0,
        FirmsPerShard = 0,
        TickCount = 8,
        CodeVersion = "1.0.0+0123456789abcdef",
        UncommittedChanges = true,
        RuntimeVersion = ".NET 10.0.0",
        OsDescription = "Linux 6.1",
        CommandLine = ["ecosim", "compare", "a.yaml", "b.yaml"],
        StartedUtc = Started,
        EndedUtc = Ended,
        Plots = false,
        Files = Files,
    };

    /// <summary>An ensemble of three seeds.</summary>
    public static OutputManifest Ensemble() => new()
    {
        Payload = new EnsemblePayload
        {
            Scenario = Scenario,
            Seeds = [7, 8, 9],
            FirstPeriod = "2024Q1",
            LastPeriod = "2025Q4",
        },
        Engine = EngineKind.Reference.Name(),
        SiloCount = 0,
        FirmsPerShard = 0,
        TickCount = 8,
        CodeVersion = "1.0.0+0123456789abcdef",
        UncommittedChanges = null,
        RuntimeVersion = ".NET 10.0.0",
        OsDescription = "Linux 6.1",
        CommandLine = ["ecosim", "run", "small.yaml", "--seeds", "3"],
        StartedUtc = Started,
        EndedUtc = Ended,
        Plots = true,
        Files = Files,
    };

    /// <summary>A sweep of one parameter over two points.</summary>
    public static OutputManifest Sweep() => new()
    {
        Payload = new SweepPayload
        {
            Scenario = Scenario,
            Parameters = [new SweepParameter("rd_subsidy", 0, 0.5, 0.5, [0, 0.5], 1)],
            Points = 2,
            Seeds = [7, 8],
        },
        Engine = EngineKind.Orleans.Name(),
        SiloCount = 1,
        FirmsPerShard = 250,
        TickCount = 8,
        CodeVersion = "1.0.0+0123456789abcdef",
        UncommittedChanges = false,
        RuntimeVersion = ".NET 10.0.0",
        OsDescription = "Linux 6.1",
        CommandLine = ["ecosim", "sweep", "small.yaml", "--param", "rd_subsidy=0:0.5:0.5"],
        StartedUtc = Started,
        EndedUtc = Ended,
        Files = Files,
    };

    /// <summary>A manifest of <paramref name="payload"/> on the reference engine, with placeholder program facts, started now.</summary>
    public static OutputManifest OnReference(ManifestPayload payload, int ticks, params string[] command) => new()
    {
        Payload = payload,
        Engine = EngineKind.Reference.Name(),
        SiloCount = 0,
        FirmsPerShard = 1024,
        TickCount = ticks,
        CodeVersion = "v",
        RuntimeVersion = "r",
        OsDescription = "o",
        CommandLine = command,
        StartedUtc = DateTime.UtcNow,
        EndedUtc = DateTime.UtcNow,
    };
}
