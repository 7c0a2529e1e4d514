using EcoSim.Experiments.Collectors;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Pipelines;
using EcoSim.Experiments.Sensitivity;
using EcoSim.Experiments.Validation.Backcast;
using EcoSim.Model.Metrics;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Validation;

/// <summary>
/// <c>ecosim check-model</c>: the model's validation in one command, so that a referee can rerun it. Runs
/// the scenario for 20 years with a census of its firms after every tick and checks the stylized facts
/// (<see cref="StylizedFacts"/>: the same checks the tests make), then a short Morris screen of the key
/// outputs over assumed parameters (<see cref="ValidationScreen"/>) and, when given, the back-cast against
/// its observed series (<see cref="BackcastCheck"/>), and writes facts.csv, the screen's indices.csv and
/// design.csv, backcast.csv and backcast-fit.csv, a plot per fact, per screened output and per observed
/// series, report.html and a manifest.
/// </summary>
/// <param name="events">Where notes and progress go, and how the engine opens.</param>
public sealed class CheckModelPipeline(PipelineEvents events)
{
    /// <summary>The screen's data files, beside facts.csv.</summary>
    public const string ScreenIndicesFileName = "screen-indices.csv", ScreenDesignFileName = "screen-design.csv";

    /// <summary>Runs <paramref name="settings"/> and returns what was written and whether every fact held.</summary>
    /// <exception cref="OutputRefusedException">The output folder cannot be used; nothing was touched.</exception>
    public Task<CheckModelOutcome> ExecuteAsync(CheckModelSettings settings, CancellationToken cancellation)
    {
        var (scenario, screen) = (settings.Scenario, settings.Screen);
        string defaultPath = Path.Combine("runs", $"{scenario.Name}-check-model{(settings.Quick ? "-quick" : "")}");
        return new OutputCommand(events).ExecuteAsync(settings.Output, defaultPath, async run =>
        {
            var folder = run.Folder;
            var world = scenario.World with { Seed = settings.Seed };
            run.Note($"checking {StylizedFacts.All.Count} stylized facts on one {ValidationHistory.Ticks}-tick run of {scenario.Name} (seed {settings.Seed}, a census of every firm after every tick), engine {run.Engine.Name}");
            var history = await ValidationHistory.RecordAsync(run.Engine, world, cancellation);
            var facts = StylizedFacts.Check(history);
            foreach (var fact in facts) run.Note($"  {(fact.Passed ? "holds" : "FAILS")}: {fact.Id}: {(fact.Passed ? fact.Detail : fact.Failure)}");

            BackcastFit? backcast = null;
            if (settings.Backcast is { } check)
            {
                run.Note(BackcastSection.Describe(check));
                IReadOnlyList<MetricsRow> region = [];
                await run.RunAsync(Experiment.Single(check.Scenario), Collect.Finished((_, rows) =>
                    region = [.. rows.Where(r => r.Cluster == MetricsRow.RegionIndex).OrderBy(r => r.Tick)]), cancellation);
                backcast = BackcastFit.Of(check.Target, region, check.Scenario.World);
                foreach (var series in backcast.Series) run.Note($"  {(series.Passed ? "holds" : "FAILS")}: back-cast {series.Sentence}");
            }

            var cut = scenario with { World = scenario.World with { Ticks = screen.Ticks, Seed = settings.Seed } };
            var design = screen.Design(settings.Seed);
            var outputs = SensitivityOutput.Defaults(cut.World);
            var screenSettings = new SensitivitySettings(cut, design, outputs, [settings.Seed], settings.Output);
            run.Note($"screening {string.Join(", ", outputs.Select(o => o.Label))} by Morris over {string.Join(", ", design.Ranges.Select(r => r.Text))}: {design.Points.Count} runs of {screen.Ticks} ticks");
            var (results, means) = await SensitivityPipeline.AnalyseAsync(run, screenSettings, cancellation);

            ValidationFiles.WriteFacts(folder.PathFor(ValidationFiles.FactsFileName), facts);
            SensitivityFiles.WriteIndices(folder.PathFor(ScreenIndicesFileName), design, results);
            SensitivityFiles.WriteDesign(folder.PathFor(ScreenDesignFileName), design, results, means);
            if (backcast is not null) BackcastFiles.Write(folder.PathFor(BackcastFiles.YearsFileName), folder.PathFor(BackcastFiles.FitFileName), backcast);
            string caption = $"scenario {scenario.Name} · seed {settings.Seed} · {run.PlotDate:yyyy-MM-dd}";
            var (factPlots, screenPlots) = settings.Output.Plots
                ? (ValidationPlots.WriteFacts(history, folder.PathFor("plots"), caption),
                   SensitivityPlots.WriteAll(design, results, folder.PathFor(Path.Combine("plots", "screen")), $"{caption} · Morris, {design.Points.Count} points"))
                : ([], []);
            var backcastPlots = settings.Output.Plots && backcast is not null
                ? BackcastPlots.WriteAll(backcast, folder.PathFor("plots"), $"scenario {settings.Backcast!.Scenario.Name} against {settings.Backcast.TargetName} · seed {settings.Backcast.Scenario.World.Seed} · {run.PlotDate:yyyy-MM-dd}")
                : [];
            var payload = new ValidationPayload
            {
                Scenario = ManifestScenario.Of(scenario),
                Seed = settings.Seed,
                Quick = settings.Quick,
                Facts = [.. facts.Select(f => f.Id)],
                FactsHeld = facts.Count(f => f.Passed),
                ScreenParameters = [.. design.Ranges.Select(r => new SensitivityParameter(r.Parameter.Name, r.Low, r.High))],
                ScreenTrajectories = design.Size,
                ScreenTicks = screen.Ticks,
                ScreenOutputs = [.. outputs.Select(o => o.Label)],
                Backcast = settings.Backcast is { } b ? ManifestScenario.Of(b.Scenario) : null,
                BackcastTarget = settings.Backcast?.TargetName,
                BackcastTargetLines = settings.Backcast?.TargetLines,
                BackcastHeld = backcast?.Passed,
            };
            (BackcastCheck, BackcastFit, IReadOnlyList<string>)? checkedBackcast = backcast is null ? null : (settings.Backcast!, backcast, backcastPlots);
            await run.CommitAsync(payload, scenario.World.Ticks, m => ValidationReport.Build(scenario, facts, factPlots, design, results, screenPlots, checkedBackcast, folder.WorkingPath, m), cancellation);
            return new CheckModelOutcome(folder.ShownPath, settings.Output.Plots, ValidationReport.Headline(facts, backcast), facts.All(f => f.Passed) && backcast?.Passed != false) { Backcast = backcast is not null };
        }, cancellation);
    }
}

/// <summary>What <see cref="CheckModelPipeline"/> wrote.</summary>
/// <param name="Folder">The output folder.</param>
/// <param name="Plots">Whether plots were drawn.</param>
/// <param name="Headline">How many facts held, and each that failed; the back-cast's verdict.</param>
/// <param name="AllHeld">Whether every fact held, and the back-cast if one was checked.</param>
public sealed record CheckModelOutcome(string Folder, bool Plots, IReadOnlyList<string> Headline, bool AllHeld) : OutputOutcome(Folder, Plots, Headline)
{
    /// <summary>Whether a back-cast was checked (and backcast.csv and backcast-fit.csv written).</summary>
    public bool Backcast { get; init; }
}
