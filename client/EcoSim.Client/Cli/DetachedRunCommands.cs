using System.CommandLine;
using System.CommandLine.Parsing;
using EcoSim.Experiments;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Pipelines;
using EcoSim.Hosting;
using EcoSim.Scenarios;

namespace EcoSim.Client.Cli;

/// <summary>
/// Runs that outlive their client: <c>ecosim run SCENARIO --detach --cluster ...</c> starts a run that the cluster drives
/// and exits at once with its id; <c>ecosim attach RUNID --cluster ...</c> follows it (from the start, however far it is)
/// and writes the folder <c>run</c> would have written. Ctrl-C while attached only stops the following.
/// </summary>
internal static class DetachedRunCommands
{
    /// <summary>Options of <c>run</c> a detached run cannot honour: it writes nothing itself, keeps only metrics, and is one run on the cluster.</summary>
    private static readonly string[] Unhonoured =
        ["--out", "--overwrite", "--no-plots", "--seeds", "--parallel", "--checkpoint-every", "--checkpoint-at", "--checkpoint-dir", "--firm-panel", "--firm-panel-every"];

    /// <summary>The <c>--detach</c> option of <c>run</c>.</summary>
    public static Option<bool> DetachOption() => new("--detach")
    {
        Description = "Start the run on the --cluster, driven there, print its run id and exit at once; 'ecosim attach RUNID' follows it and writes its output folder " +
                      "(the run is released once it has ended and nobody has observed it for the silos' orphan timeout, 10 minutes by default)",
    };

    /// <summary>
    /// <c>run --detach</c>: refuses an embedded silo and the options it cannot honour (naming them), then starts the run of
    /// <paramref name="scenario"/> (its seed and ticks as asked) on <paramref name="cluster"/> and prints its id on standard
    /// output, and how to attach on standard error.
    /// </summary>
    public static async Task<int> StartAsync(ParseResult result, SharedOptions shared, EcoSimClusterOptions? cluster, Func<Scenario?> scenario,
        TextWriter output, TextWriter errors, CancellationToken cancellation)
    {
        if (cluster is null)
        {
            errors.WriteLine("error: --detach needs --cluster: a run driven by the embedded silo would end with this process; " +
                             "start a cluster (scripts/cluster.sh start) and name it with --cluster");
            return ExitCodes.BadInput;
        }
        var refused = Unhonoured.Where(name => Given(result, name)).ToList();
        if (EngineKinds.Parse(result.GetValue(shared.Engine)) == EngineKind.Reference) refused.Insert(0, "--engine reference");
        if (refused.Count > 0)
        {
            errors.WriteLine($"error: --detach cannot honour {string.Join(", ", refused)}: a detached run is one run of the orleans engine, keeps only its metrics " +
                             "(no checkpoints, no firm panel) and writes nothing itself; give --out, --overwrite and --no-plots to 'ecosim attach'");
            return ExitCodes.BadInput;
        }
        return await CommandLine.Guarded(errors, cancellation, async () =>
        {
            if (scenario() is not { } run) return ExitCodes.BadInput;
            var (id, silos) = await DetachedRuns.StartOnAsync(cluster, run, result.GetValue(shared.FirmsPerShard), Experiments.Output.RunEnvironment.CommandLine, cancellation);
            output.WriteLine(id);
            var world = run.World;
            errors.WriteLine($"started {run.Name} on the cluster ({silos} silo{(silos == 1 ? "" : "s")}), driven there: {world.Ticks} ticks from {world.Start}, seed {world.Seed}");
            errors.WriteLine($"follow it and write its output with: ecosim attach {id} {ClusterArguments(result, shared)}");
            return ExitCodes.Ok;
        });
    }

    /// <summary>The <c>attach</c> command.</summary>
    public static Command Attach(TextWriter output, TextWriter errors)
    {
        var runId = new Argument<string>("run-id") { Description = $"The id that 'ecosim run --detach' printed ({DetachedRuns.IdForm})" };
        var shared = new SharedOptions("runs/<scenario name>", "the run");
        var command = new Command("attach", "Follow a run started with 'run --detach' (showing its progress) and, when it ends, write the output folder 'run' of its scenario " +
                                            "and seed writes, the same bytes, with a manifest that records the run id; Ctrl-C stops following and leaves the run going")
        {
            runId, shared.Cluster, shared.ClusterCredentials, shared.Out, shared.Overwrite, shared.NoPlots,
        };
        command.SetAction(async (result, cancellation) =>
        {
            if (!shared.TryReadCluster(result, errors, out var cluster)) return ExitCodes.BadInput;
            string id = result.GetValue(runId)!;
            if (cluster is null)
            {
                errors.WriteLine("error: attach needs --cluster: the cluster the run was started on with 'run --detach'");
                return ExitCodes.BadInput;
            }
            if (!DetachedRuns.IsWellFormed(id))
            {
                errors.WriteLine($"error: '{id}' is not a run id ({DetachedRuns.IdForm}, as 'ecosim run --detach' prints it)");
                return ExitCodes.BadInput;
            }
            var settings = new OutputSettings(new EngineChoice(EngineKind.Orleans, Cluster: cluster), result.GetValue(shared.Out), !result.GetValue(shared.NoPlots))
            {
                Overwrite = result.GetValue(shared.Overwrite),
            };
            int code = await CommandLine.Guarded(errors, cancellation, async () =>
            {
                try { return await PipelineCalls.RunAsync(async events => await DetachedRunAttachment.ExecuteAsync(id, settings, events, cancellation), output, errors); }
                catch (DetachedRunMissingException e)
                {
                    errors.WriteLine($"error: {e.Message}");
                    return ExitCodes.BadInput;
                }
            });
            if (code == ExitCodes.Interrupted)
                errors.WriteLine($"detached again: run {id} goes on on the cluster; attach to it again with: ecosim attach {id} {ClusterArguments(result, shared)}");
            return code;
        });
        return command;
    }

    // Whether the option called name was given on the command line (not just defaulted).
    private static bool Given(ParseResult result, string name) =>
        result.CommandResult.Command.Options.FirstOrDefault(o => o.Name == name) is { } option && result.GetResult(option) is OptionResult { Implicit: false };

    // The --cluster (and --cluster-credentials) of this command, to repeat in the attach hint.
    private static string ClusterArguments(ParseResult result, SharedOptions shared) =>
        $"--cluster {result.GetValue(shared.Cluster)}" + (result.GetValue(shared.ClusterCredentials) is { } credentials ? $" --cluster-credentials {credentials}" : "");
}
