using System.CommandLine;
using EcoSim.Experiments;
using EcoSim.Experiments.Checkpoints;
using EcoSim.Scenarios;

namespace EcoSim.Client.Cli;

/// <summary>
/// The options of <c>run</c> that write checkpoints (on either engine: both write the same bytes).
/// </summary>
internal sealed class CheckpointOptions
{
    public Option<int?> Every { get; } = new Option<int?>("--checkpoint-every") { Description = "Write a checkpoint every N quarters (after N, 2N, ... ticks) to the checkpoint folder, as PERIOD.ecosnap, PERIOD being the quarter a run resumed from it starts with; 'ecosim resume' and 'ecosim fork' continue from one" }.Within(1);
    public Option<string[]> At { get; } = new("--checkpoint-at") { Description = "Write a checkpoint at the start of these quarters, e.g. 2030Q1 or 2030Q1,2035Q1 (may be given more than once)" };
    public Option<string?> Folder { get; } = new("--checkpoint-dir") { Description = $"Folder of the checkpoints [default: {CheckpointNames.DefaultFolder}/ in the output folder, listed in its manifest]; a file of the same name there is never replaced" };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Every);
        command.Options.Add(At);
        command.Options.Add(Folder);
    }

    /// <summary>Whether any of the options was given.</summary>
    public bool Given(ParseResult result) => result.GetValue(Every) is not null || result.GetValue(At) is { Length: > 0 } || result.GetValue(Folder) is not null;

    /// <summary>
    /// The checkpoints asked for a run of <paramref name="scenario"/> (null when none), checked whole before anything
    /// runs; false with every problem written when the options are wrong.
    /// </summary>
    public bool TryRead(ParseResult result, Scenario scenario, TextWriter errors, out Checkpointing? checkpointing)
    {
        checkpointing = null;
        if (!Given(result)) return true;
        var schedule = CheckpointSchedule.TryParse(scenario.World, result.GetValue(Every), result.GetValue(At) ?? [], out var problems);
        var all = problems.ToList();
        string? folder = result.GetValue(Folder);
        if (schedule is { IsEmpty: true } && folder is not null) all.Add("--checkpoint-dir needs --checkpoint-every or --checkpoint-at");
        if (schedule is not null && folder is not null) all.AddRange(CheckpointFolder.Problems(folder, schedule, scenario.World));
        foreach (var problem in all) errors.WriteLine($"error: {problem}");
        if (all.Count > 0) return false;
        checkpointing = new Checkpointing(schedule!, folder, null);
        return true;
    }
}
