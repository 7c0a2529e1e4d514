using EcoSim.Experiments;
using System.Globalization;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;

namespace EcoSim.Experiments.Report;

/// <summary>
/// The reproduction facts of a manifest, for the report. The report is written before manifest.json,
/// because the manifest lists every file of the folder with its SHA-256, the report included; so the
/// report carries the manifest's facts (command, scenarios and their hashes, seeds, engine, versions,
/// start time) but not its file list or end time, and says where to find them.
/// </summary>
internal static class ReproductionFacts
{
    /// <summary>What the report says about manifest.json.</summary>
    public const string ManifestNote =
        "manifest.json, next to this report, records the same facts and also the end time and the SHA-256 of every file in the folder, this report included; " +
        "that is why the report, written before the manifest, does not list the hashes itself. The same command with the same code version writes the same metrics, byte for byte, on either engine.";

    /// <summary>The facts of a manifest of any kind: the command, what its kind records, the engine and the program.</summary>
    public static FactsSection Section(OutputManifest manifest) => new(
    [
        new("command", Command(manifest.CommandLine)),
        .. manifest.Payload switch
        {
            RunPayload run => Facts(run, manifest.TickCount),
            ComparisonPayload comparison => Facts(comparison, manifest.TickCount),
            EnsemblePayload ensemble => Facts(ensemble, manifest.TickCount),
            SweepPayload sweep => Facts(sweep, manifest.TickCount),
            Sensitivity.SensitivityPayload sensitivity => Facts(sensitivity, manifest.TickCount),
            Calibration.CalibrationPayload calibration => Facts(calibration, manifest.TickCount),
            Validation.ValidationPayload validation => Facts(validation),
            var other => throw new ArgumentException($"no reproduction facts for a {other.GetType().Name}", nameof(manifest)),
        },
        .. Engine(manifest),
        .. Program(manifest),
    ], ManifestNote);

    private static IEnumerable<ReportFact> Facts(RunPayload manifest, int ticks) =>
    [
        new("scenario", $"{manifest.ScenarioName} ({manifest.ScenarioPath})"),
        new("scenario SHA-256", manifest.ScenarioSha256),
        new("seed", manifest.Seed.ToString(CultureInfo.InvariantCulture)),
        new("periods", $"{manifest.FirstPeriod} to {manifest.LastPeriod} ({ticks} quarters)"),
    ];

    private static IEnumerable<ReportFact> Facts(ComparisonPayload manifest, int ticks) =>
    [
        new("baseline", $"{manifest.Baseline.Name} ({manifest.Baseline.Path})"),
        new("baseline SHA-256", manifest.Baseline.Sha256),
        new("policy", $"{manifest.Policy.Name} ({manifest.Policy.Path})"),
        new("policy SHA-256", manifest.Policy.Sha256),
        new("paired seeds", manifest.Seeds.Count == 0 ? "none" : $"{manifest.Seeds.Count} ({manifest.Seeds[0]} to {manifest.Seeds[^1]}), each run with both scenarios"),
        new("quarters", ticks.ToString(CultureInfo.InvariantCulture)),
    ];

    private static IEnumerable<ReportFact> Facts(EnsemblePayload manifest, int ticks) =>
    [
        new("scenario", $"{manifest.Scenario.Name} ({manifest.Scenario.Path})"),
        new("scenario SHA-256", manifest.Scenario.Sha256),
        new("seeds", $"{Seeds(manifest.Seeds)}, one run each"),
        new("periods", $"{manifest.FirstPeriod} to {manifest.LastPeriod} ({ticks} quarters)"),
    ];

    private static IEnumerable<ReportFact> Facts(Sensitivity.SensitivityPayload manifest, int ticks) =>
    [
        new("scenario", $"{manifest.Scenario.Name} ({manifest.Scenario.Path})"),
        new("scenario SHA-256", manifest.Scenario.Sha256),
        .. manifest.Policy is { } policy ? [new ReportFact("policy", $"{policy.Name} ({policy.Path}), its effect against the scenario being the output"), new ReportFact("policy SHA-256", policy.Sha256)] : Array.Empty<ReportFact>(),
        new("method", $"{manifest.Method}, {(manifest.Method == "sobol" ? "base sample N" : "trajectories")} {manifest.Samples}, design seed {manifest.DesignSeed}"),
        .. manifest.Parameters.Select(p => new ReportFact($"parameter {p.Name}", $"{Sensitivity.SensitivityRange.Number(p.Low)} to {Sensitivity.SensitivityRange.Number(p.High)}{(Sensitivity.RangeBases.Parse(p.Range) == Sensitivity.RangeBasis.Plausible ? " (the catalogue's plausible range)" : "")}")),
        new("outputs", string.Join(", ", manifest.Outputs)),
        new("design", $"{manifest.Points} points x {Seeds(manifest.Seeds)} seeds{(manifest.Policy is null ? "" : " x 2 scenarios")} = {manifest.Points * manifest.Seeds.Count * (manifest.Policy is null ? 1 : 2)} runs"),
        new("quarters", ticks.ToString(CultureInfo.InvariantCulture)),
    ];

    private static IEnumerable<ReportFact> Facts(Calibration.CalibrationPayload manifest, int ticks) =>
    [
        new("scenario", $"{manifest.Scenario.Name} ({manifest.Scenario.Path})"),
        new("scenario SHA-256", manifest.Scenario.Sha256),
        new("target", $"{manifest.Target}, {manifest.TargetLines.Count - 1} lines after the header (recorded in the manifest)"),
        new("method", $"ABC-SMC, {manifest.Particles} particles, {manifest.Generations} generations, calibration seed {manifest.CalibrationSeed}"),
        .. manifest.Parameters.Select(p => new ReportFact($"prior of {p.Name}", $"uniform, {Sensitivity.SensitivityRange.Number(p.Low)} to {Sensitivity.SensitivityRange.Number(p.High)}")),
        new("seeds per particle", Seeds(manifest.Seeds)),
        new("quarters", ticks.ToString(CultureInfo.InvariantCulture)),
    ];

    private static IEnumerable<ReportFact> Facts(Validation.ValidationPayload manifest) =>
    [
        new("scenario", $"{manifest.Scenario.Name} ({manifest.Scenario.Path})"),
        new("scenario SHA-256", manifest.Scenario.Sha256),
        new("seed", manifest.Seed.ToString(CultureInfo.InvariantCulture)),
        new("stylized facts", $"{manifest.FactsHeld} of {manifest.Facts.Count} hold: {string.Join(", ", manifest.Facts)}, on {Validation.ValidationHistory.Ticks} quarters"),
        new("screen", $"{(manifest.Quick ? "quick " : "")}Morris, {manifest.ScreenTrajectories} trajectories, {manifest.ScreenTicks} quarters per run"),
        .. manifest.ScreenParameters.Select(p => new ReportFact($"screened {p.Name}", $"{Sensitivity.SensitivityRange.Number(p.Low)} to {Sensitivity.SensitivityRange.Number(p.High)}")),
        new("screened outputs", string.Join(", ", manifest.ScreenOutputs)),
    ];

    private static IEnumerable<ReportFact> Facts(SweepPayload manifest, int ticks) =>
    [
        new("scenario", $"{manifest.Scenario.Name} ({manifest.Scenario.Path})"),
        new("scenario SHA-256", manifest.Scenario.Sha256),
        .. manifest.Parameters.Select(p => new ReportFact($"swept {p.Name}",
            $"{SweepAxis.Text(p.From)} to {SweepAxis.Text(p.To)} in steps of {SweepAxis.Text(p.Step)}: {string.Join(", ", p.Values.Select(SweepAxis.Text))}" +
            (p.ReplacedChanges == 0 ? "" : $" (replacing {p.ReplacedChanges} scheduled change{(p.ReplacedChanges == 1 ? "" : "s")} of the scenario)"))),
        new("grid", $"{manifest.Points} point{(manifest.Points == 1 ? "" : "s")} x {manifest.Seeds.Count} seed{(manifest.Seeds.Count == 1 ? "" : "s")} = {manifest.Points * manifest.Seeds.Count} runs"),
        new("seeds", $"{Seeds(manifest.Seeds)}, the same at every grid point"),
        new("quarters", ticks.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>
    /// The command as it can be typed, arguments quoted where they need it. Manifests record the program's
    /// own words first (<see cref="RunEnvironment.CommandLine"/>); older ones began with the full path of
    /// the program's dll, which runs as <c>dotnet</c> and that dll, shown by its name only.
    /// </summary>
    public static string Command(IReadOnlyList<string> commandLine) =>
        string.Join(" ", (commandLine.Count > 0 && commandLine[0].EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? commandLine.Skip(1).Prepend(Path.GetFileName(commandLine[0])).Prepend("dotnet") : commandLine).Select(Quote));

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./:=+,@".Contains(c)) ? argument : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    private static string Seeds(IReadOnlyList<ulong> seeds) => seeds.Count == 0 ? "none" : $"{seeds.Count} ({seeds[0]} to {seeds[^1]})";

    private static IEnumerable<ReportFact> Engine(OutputManifest manifest) =>
        manifest.Engine == EngineKind.Orleans.Name()
            ? [new("engine", $"{manifest.Engine}, {manifest.SiloCount} silo{(manifest.SiloCount == 1 ? "" : "s")}, {manifest.FirmsPerShard} firms per shard")]
            : [new("engine", manifest.Engine)];

    private static IEnumerable<ReportFact> Program(OutputManifest manifest) =>
    [
        new("code version", manifest.CodeVersion),
        new("runtime", $"{manifest.RuntimeVersion} on {manifest.OsDescription}"),
        new("started", manifest.StartedUtc.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)),
    ];
}
