using System.CommandLine;
using EcoSim.Grains.Abstractions;
using EcoSim.Hosting;

namespace EcoSim.Client.Cli;

/// <summary>The options that <c>run</c> and <c>compare</c> share: where to run, what to write, how far.</summary>
internal sealed class SharedOptions
{
    public SharedOptions(string defaultOutput, string what)
    {
        Out = new Option<string?>("--out", "-o") { Description = $"Output folder [default: {defaultOutput}]. Written whole at the end; an earlier EcoSim output there is replaced, any other folder is left alone" };
        Engine = new Option<string>("--engine") { Description = "orleans: virtual actors on an embedded silo or --cluster; reference: the single-threaded reference engine", DefaultValueFactory = _ => "orleans" }.OneOf("orleans", "reference");
        FirmsPerShard = new Option<int>("--firms-per-shard") { Description = "Firms per shard grain (1 = one grain per firm); results do not depend on it", DefaultValueFactory = _ => RunLayout.DefaultFirmsPerShard }.Within(1, 10_000_000);
        Ticks = new Option<int?>("--ticks") { Description = $"Run only the first N ticks (quarters) of {what}" }.Within(1);
        Cluster = new Option<string?>("--cluster") { Description = "A running cluster: the gateway host:port of one silo (e.g. 127.0.0.1:30000, a silo started with 'dotnet run --project silo/EcoSim.Silo'), or redis://host:port[/cluster-id] to find every gateway through the Redis membership table (e.g. what scripts/cluster.sh prints); default: start an embedded silo in this process" };
        NoPlots = new Option<bool>("--no-plots") { Description = "Skip drawing plots" };
    }

    /// <summary>Options of the per-firm panel (offered by <c>run</c>).</summary>
    public static (Option<bool> Panel, Option<int?> Every) FirmPanel()
    {
        var panel = new Option<bool>("--firm-panel") { Description = $"Also write {Output.FirmPanelFormat.FileName}: every firm's state (tick, period, cluster, firm index and every field of the firm) at the end of each year (see --firm-panel-every) and at the last tick" };
        var every = new Option<int?>("--firm-panel-every") { Description = "Ticks between the panel's snapshots [default: 4, yearly]; implies --firm-panel" }.Within(1);
        return (panel, every);
    }

    /// <summary>The firm panel's cadence the options ask for, or null for no panel.</summary>
    public static int? FirmPanelEvery(ParseResult result, (Option<bool> Panel, Option<int?> Every) options) =>
        result.GetValue(options.Every) ?? (result.GetValue(options.Panel) ? Model.World.WorldSpec.TicksPerYear : null);

    public Option<string?> Out { get; }
    public Option<string> Engine { get; }
    public Option<int> FirmsPerShard { get; }
    public Option<int?> Ticks { get; }
    public Option<string?> Cluster { get; }
    public Option<bool> NoPlots { get; }

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Out, Engine, FirmsPerShard, Ticks, Cluster, NoPlots }) command.Options.Add(option);
    }

    /// <summary>The cluster named by --cluster (null: embedded); false with a message when it cannot be read.</summary>
    public bool TryReadCluster(ParseResult result, TextWriter errors, out EcoSimClusterOptions? cluster)
    {
        cluster = null;
        if (result.GetValue(Cluster) is not { } text) return true;
        if (ClusterAddress.TryParse(text, out cluster)) return true;
        errors.WriteLine($"error: --cluster '{text}' is not {ClusterAddress.Forms}");
        return false;
    }
}
