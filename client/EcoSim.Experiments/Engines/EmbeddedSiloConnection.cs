using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EcoSim.Experiments.Engines;

/// <summary>
/// The connection to a silo this process started for itself (<see cref="OrleansConnections.StartEmbeddedAsync"/>). It is
/// disposed only once its command has written and flushed its output (or given up, Ctrl-C included), and it keeps nothing
/// but memory: its membership table and checkpoint store are in memory and it has no other silos to hand grains to. So
/// it is not stopped gracefully (deactivating every grain left, marking itself shutting down and then dead in its own
/// table, waiting for queued messages): Orleans stops a silo at once when the token it is given is already cancelled.
/// In a process that exits right after its command (<see cref="EmbeddedSiloLifetime.EndWithProcess"/>, the command line)
/// it is not stopped at all: the process's exit ends it, and the quarter of a second a stop took on two cores, the
/// lifecycle's stages one after another, is saved from every run. Elsewhere (tests that run command after command in one process)
/// the stop still closes the silo's sockets and threads, so nothing of a stopped silo stays behind.
/// </summary>
internal sealed class EmbeddedSiloConnection(IHost host) : IOrleansConnection
{
    /// <inheritdoc/>
    public IGrainFactory Grains { get; } = host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>One silo: this one.</summary>
    public int SiloCount => 1;

    /// <summary>Stops the silo at once, or leaves it to the process's exit (see the class).</summary>
    public async ValueTask DisposeAsync()
    {
        if (EmbeddedSiloLifetime.EndsWithProcess) return;
        using var now = new CancellationTokenSource();
        await now.CancelAsync();
        try { await host.StopAsync(now.Token); }
        // Stopping with a cancelled token is the request, not a failure of it.
        catch (OperationCanceledException) { }
        finally { host.Dispose(); }
    }
}
