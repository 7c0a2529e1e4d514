using EcoSim.Experiments.Output;
using EcoSim.Experiments.Pipelines;

namespace EcoSim.Experiments.Engines;

/// <summary>
/// <c>ecosim attach</c>: follows a run driven on the cluster to its end and writes the output folder that <c>run</c> of the
/// same scenario and seed writes, through the same <see cref="RunPipeline"/> (so the same folder rules: a hidden working
/// folder moved into place at the end, a lock, nothing replaced that EcoSim did not write) with an engine that only
/// observes. The scenario and the command come from the run itself, as its starter read them, so no file is needed here.
/// </summary>
public static class DetachedRunAttachment
{
    /// <summary>
    /// Attaches to <paramref name="runId"/> on the cluster of <paramref name="output"/>'s engine and writes its output as
    /// <paramref name="output"/> asks; the manifest records the command that started the run and this one that attached.
    /// Cancelling stops the observing only: the run goes on on the cluster, and nothing is written here.
    /// </summary>
    /// <exception cref="DetachedRunMissingException">No detached run has the id (never started, released, or lost).</exception>
    /// <exception cref="OutputRefusedException">The output folder cannot be used; nothing was touched.</exception>
    public static async Task<RunOutcome> ExecuteAsync(string runId, OutputSettings output, PipelineEvents events, CancellationToken cancellation)
    {
        var cluster = output.Engine.Cluster ?? throw new ArgumentException("a run driven on the server is followed on a cluster; an embedded silo has none", nameof(output));
        var connection = await OrleansConnections.ConnectAsync(cluster, cancellation);
        bool handedOver = false;
        try
        {
            var (scenario, spec) = await DetachedRuns.FindAsync(connection.Grains, runId).WaitAsync(cancellation);
            events.Notes.WriteLine($"attached to {runId}, started as: {string.Join(' ', spec.CommandLine)}");
            var engine = output.Engine with { FirmsPerShard = spec.FirmsPerShard, AttachTo = runId };
            var settings = new RunSettings(scenario, output with { Engine = engine, CommandLine = spec.CommandLine })
            {
                Detached = new DetachedRunRecord(runId, output.CommandLine ?? RunEnvironment.CommandLine),
            };
            // The connection that found the run observes it: no second handshake with the cluster.
            EngineOpener observe = (_, _) =>
            {
                handedOver = true;
                return Task.FromResult<ISimulationEngine>(new DetachedRunObserver(connection, runId, spec.FirmsPerShard));
            };
            return await new RunPipeline(events with { OpenEngine = observe }).ExecuteAsync(settings, cancellation);
        }
        finally
        {
            if (!handedOver) await connection.DisposeAsync();
        }
    }
}
