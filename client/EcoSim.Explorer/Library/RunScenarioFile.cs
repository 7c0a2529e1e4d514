using System.Globalization;
using System.Text;
using EcoSim.Explorer.Runs;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Explorer.Library;

/// <summary>A file the reproducing scenario extends: a shipped one (in EcoSim's <c>scenarios/</c> folder) or a pasted one, whose text must be saved beside it.</summary>
/// <param name="FileName">Its file name, as the <c>extends</c> before it names it.</param>
/// <param name="Shipped">Whether it ships with EcoSim (then <see cref="Text"/> is null: the file is already there).</param>
/// <param name="Text">The text to save under <see cref="FileName"/>, for a file that is not shipped.</param>
public sealed record ExtendedFile(string FileName, bool Shipped, string? Text);

/// <summary>
/// The scenario file that makes <c>ecosim run</c> compute a live run again, byte for byte: it extends the
/// scenario the run started from and adds the seed, the population when the page changed it, and one
/// <c>set</c> event per lever change, in the order the levers were appended (a branch's after its parent's), and one
/// <c>facility</c> event per large facility and one <c>talentProgramme</c> event per talent programme the page added.
/// Events of a file are appended after those of the file it extends, so the timeline is the run's own;
/// that the file describes exactly the run's world is checked when it is made, not assumed.
/// </summary>
/// <param name="FileName">The file's name, e.g. <c>guangdong-baseline-explorer-3fa2b1c4d5e6.yaml</c>.</param>
/// <param name="Text">The file's text.</param>
/// <param name="Extends">The files it extends, in order.</param>
/// <param name="Scenario">The file loaded (at <see cref="Path"/>, with the texts it extends), as <c>ecosim run</c> loads it.</param>
public sealed record RunScenarioFile(string FileName, string Text, IReadOnlyList<ExtendedFile> Extends, Scenario Scenario)
{
    /// <summary>The folder it is meant to be saved in: the shipped scenarios' own, so that it may extend them.</summary>
    public const string Folder = "scenarios";

    /// <summary>Where it is meant to be saved, relative to EcoSim's folder, as the command names it.</summary>
    public string Path => $"{Folder}/{FileName}";

    /// <summary>The reproducing file of the run <paramref name="runId"/> of <paramref name="plan"/>.</summary>
    /// <exception cref="InvalidOperationException">The file would not describe the run's world: a fault of this code, never of the input.</exception>
    public static RunScenarioFile Of(RunPlan plan, string runId)
    {
        var source = plan.Source;
        var world = plan.Scenario.World;
        string name = $"{source.Name}-explorer-{runId}";
        if (name.Length > ScenarioName.MaxLength) name = $"explorer-{runId}";
        string parent = System.IO.Path.GetFileName(source.Sources[0].Path);
        var text = new StringBuilder()
            .Append("# Written by the EcoSim explorer: its run ").Append(runId).Append(", ").Append(source.Name).AppendLine(" with the levers set in the page.")
            .Append("name: ").AppendLine(name)
            .Append("description: \"").Append(source.Name).Append(", seed ").Append(world.Seed.ToString(CultureInfo.InvariantCulture))
            .Append(plan.Changes.Count == 0 ? "" : $", {plan.Changes.Count} lever change{(plan.Changes.Count == 1 ? "" : "s")}")
            .Append(plan.Facilities.Count == 0 ? "" : $", {plan.Facilities.Count} large facilit{(plan.Facilities.Count == 1 ? "y" : "ies")}")
            .Append(plan.TalentProgrammes.Count == 0 ? "" : $", {plan.TalentProgrammes.Count} talent programme{(plan.TalentProgrammes.Count == 1 ? "" : "s")}").AppendLine(", from the explorer\"")
            .Append("extends: ").AppendLine(parent)
            .Append("seed: ").AppendLine(world.Seed.ToString(CultureInfo.InvariantCulture));
        if (world.Firms != source.World.Firms)
            text.AppendLine("population:").Append("  firms: ").AppendLine(world.Firms.ToString(CultureInfo.InvariantCulture));
        if (plan.Changes.Count > 0 || plan.Facilities.Count > 0 || plan.TalentProgrammes.Count > 0)
        {
            text.AppendLine("events:");
            foreach (var change in plan.Changes)
            {
                if (change.StartTick != change.EndTick || change.From != change.To)
                    throw new InvalidOperationException($"lever change {change} is not a 'set' from one quarter");
                text.Append("  - at: ").AppendLine(world.PeriodOf(change.StartTick).ToString())
                    .Append("    set: { ").Append(change.Parameter).Append(": ").Append(change.To.ToString("R", CultureInfo.InvariantCulture)).AppendLine(" }");
            }
            foreach (var facility in plan.Facilities)
                text.Append(Facilities.EventYaml(Facilities.SettingOf(facility, world), world.PeriodOf(facility.StartTick).ToString()));
            foreach (var programme in plan.TalentProgrammes)
                text.Append(TalentProgrammes.EventYaml(TalentProgrammes.SettingOf(programme, world), world.PeriodOf(programme.StartTick).ToString()));
        }
        string file = $"{name}.yaml";
        var chain = new List<ScenarioSource> { new(file, text.ToString()) };
        chain.AddRange(source.Sources.Select(s => new ScenarioSource(System.IO.Path.GetFileName(s.Path), s.Text)));
        var loaded = ScenarioLoader.LoadTexts($"{Folder}/{file}", chain);
        if (Difference(loaded.World, world) is { } difference)
            throw new InvalidOperationException($"the scenario file written for run {runId} does not describe it: {difference}");
        var extends = chain.Skip(1).Select(s => ScenarioLibrary.Shipped.IsShipped(s.Path, s.Text) ? new ExtendedFile(s.Path, true, null) : new ExtendedFile(s.Path, false, s.Text));
        return new RunScenarioFile(file, text.ToString(), [.. extends], loaded);
    }

    // What a run's world reads, compared whole; null when the two are the same world.
    private static string? Difference(WorldSpec a, WorldSpec b) =>
        a.Start != b.Start ? "start" : a.Ticks != b.Ticks ? "ticks" : a.Seed != b.Seed ? "seed" : a.Firms != b.Firms ? "firms"
        : !a.Clusters.SequenceEqual(b.Clusters) ? "clusters" : !a.Relatedness.SequenceEqual(b.Relatedness) ? "relatedness"
        : !a.Labs.SequenceEqual(b.Labs) ? "labs" : !a.Funds.SequenceEqual(b.Funds) ? "funds" : a.Parameters != b.Parameters ? "parameters"
        : !a.Timeline.SequenceEqual(b.Timeline) ? "timeline" : !a.Facilities.SequenceEqual(b.Facilities) ? "facilities"
        : !a.Shocks.SequenceEqual(b.Shocks) ? "shocks" : null;
}
