using Microsoft.Extensions.Hosting;

namespace EcoSim.Explorer.Runs;

/// <summary>Releases idle runs once a minute (see <see cref="RunRegistry.ReleaseIdleAsync"/>), and every run and ensemble when the explorer stops.</summary>
internal sealed class IdleRunReleaser(RunRegistry runs, EnsembleRegistry ensembles, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await runs.ReleaseIdleAsync();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await runs.DisposeAsync();
        await ensembles.DisposeAsync();
    }
}
