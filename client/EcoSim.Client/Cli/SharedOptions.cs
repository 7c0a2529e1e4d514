using System.CommandLine;
using EcoSim.Grains.Abstractions;
using EcoSim.Experiments;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Pipelines;
using EcoSim.Hosting;

namespace EcoSim.Client.Cli;

/// <summary>The options that <c>run</c>, <c>compare</c> and <c>sweep</c> share (and <c>inspect</c>, <c>validate</c> and <c>reproduce</c> take some of): what to read, where to run, what to write, how far.</summary>
internal sealed class SharedOptions
{
    public SharedOptions(string defaultOutput, string what)
    {
        Out = new Option<string?>("--out", "-o") { Description = $"Output folder [default: {defaultOutput}, or {defaultOutput}-2, -3, ... when that exists]. Written whole at the end; a folder that is not empty is never replaced without --overwrite" };
        Overwrite = OverwriteOption();
        ScenarioRoot = ScenarioRootOption();
        Engine = new Option<string>("--engine") { Description = "orleans: virtual actors on an embedded silo or --cluster; reference: the single-threaded reference engine", DefaultValueFactory = _ => EngineKind.Orleans.Name() }.OneOf([.. EngineKinds.All.Select(k => k.Name())]);
        FirmsPerShard = new Option<int>("--firms-per-shard") { Description = "Firms per shard grain (1 = one grain per firm); results do not depend on it", DefaultValueFactory = _ => RunLayout.DefaultFirmsPerShard }.Within(1, 10_000_000);
        Ticks = new Option<int?>("--ticks") { Description = $"Run only the first N ticks (quarters) of {what}" }.Within(1);
        Cluster = new Option<string?>("--cluster") { Description = "A running cluster: the gateway host:port of one silo (e.g. 127.0.0.1:30000, a silo started with 'dotnet run --project silo/EcoSim.Silo'), or redis://host:port[/cluster-id] to find every gateway through the Redis membership table (e.g. what scripts/cluster.sh prints); default: start an embedded silo in this process" };
        ClusterCredentials = new Option<string?>("--cluster-credentials") { Description = $"Folder of the --cluster's credentials: its Redis password and cluster certificate, as scripts/cluster.sh makes them ('scripts/cluster.sh credentials' prints it) [default: ${Hosting.ClusterCredentials.FolderVariable}; ${Hosting.ClusterCredentials.SecretVariable} may hold the password instead]. Never pass a secret itself on the command line" };
        NoPlots = new Option<bool>("--no-plots") { Description = "Skip drawing plots" };
    }

    /// <summary>Options of the per-firm panel (offered by <c>run</c>).</summary>
    public static (Option<bool> Panel, Option<int?> Every) FirmPanel()
    {
        var panel = new Option<bool>("--firm-panel") { Description = $"Also write {Experiments.Output.FirmPanelFormat.FileName}: every firm's state (tick, period, cluster, firm index and every field of the firm) at the end of each year (see --firm-panel-every) and at the last tick" };
        var every = new Option<int?>("--firm-panel-every") { Description = "Ticks between the panel's snapshots [default: 4, yearly]; implies --firm-panel" }.Within(1);
        return (panel, every);
    }

    /// <summary>The firm panel's cadence the options ask for, or null for no panel.</summary>
    public static int? FirmPanelEvery(ParseResult result, (Option<bool> Panel, Option<int?> Every) options) =>
        result.GetValue(options.Every) ?? (result.GetValue(options.Panel) ? Model.World.WorldSpec.TicksPerYear : null);

    /// <summary>The <c>--overwrite</c> option: replace an earlier EcoSim output at <c>--out</c>, only if it is exactly as EcoSim wrote it.</summary>
    public static Option<bool> OverwriteOption() =>
        new("--overwrite") { Description = "Replace the earlier EcoSim output at --out; refused if any file in it was added or changed since EcoSim wrote it (the manifest's SHA-256s tell)" };

    /// <summary>The <c>--scenario-root</c> option: a folder <c>extends</c> may reach besides the scenario's own.</summary>
    public static Option<string?> ScenarioRootOption() =>
        new("--scenario-root") { Description = "A folder whose files the scenario's 'extends' may also name (by a relative or absolute path), besides those in or below the scenario's own folder; links are followed before the check" };

    public Option<string?> Out { get; }
    public Option<bool> Overwrite { get; }
    public Option<string?> ScenarioRoot { get; }
    public Option<string> Engine { get; }
    public Option<int> FirmsPerShard { get; }
    public Option<int?> Ticks { get; }
    public Option<string?> Cluster { get; }
    public Option<string?> ClusterCredentials { get; }
    public Option<bool> NoPlots { get; }
    public LimitOptions Limits { get; } = new();

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Out, Overwrite, ScenarioRoot, Engine, FirmsPerShard, Ticks, Cluster, ClusterCredentials, NoPlots }) command.Options.Add(option);
        Limits.AddTo(command);
    }

    /// <summary>The engine the options name, on <paramref name="cluster"/> (null: embedded).</summary>
    public EngineChoice EngineOf(ParseResult result, EcoSimClusterOptions? cluster) =>
        new(EngineKinds.Parse(result.GetValue(Engine))!.Value, result.GetValue(FirmsPerShard), cluster);

    /// <summary>The engine and output the options ask for, with <paramref name="parallel"/> runs at a time.</summary>
    public OutputSettings OutputOf(ParseResult result, EcoSimClusterOptions? cluster, int parallel = 1) =>
        new(EngineOf(result, cluster), result.GetValue(Out), !result.GetValue(NoPlots), parallel) { Overwrite = result.GetValue(Overwrite) };

    /// <summary>
    /// The cluster named by --cluster (null: embedded), with the credentials folder of --cluster-credentials
    /// or the environment; false with a message when it cannot be read.
    /// </summary>
    public bool TryReadCluster(ParseResult result, TextWriter errors, out EcoSimClusterOptions? cluster)
    {
        cluster = null;
        string? credentials = result.GetValue(ClusterCredentials);
        if (result.GetValue(Cluster) is not { } text)
        {
            if (credentials is null) return true;
            errors.WriteLine("error: --cluster-credentials needs --cluster (an embedded silo has no credentials)");
            return false;
        }
        if (!ClusterAddress.TryParse(text, out cluster))
        {
            errors.WriteLine($"error: --cluster '{text}' is not {ClusterAddress.Forms}");
            return false;
        }
        cluster.Credentials = credentials ?? (Environment.GetEnvironmentVariable(Hosting.ClusterCredentials.FolderVariable) is { Length: > 0 } folder ? folder : null);
        return true;
    }
}
