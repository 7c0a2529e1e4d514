using System.Diagnostics;

namespace EcoSim.Scale;

/// <summary>
/// Waits until the silo has let go of the grains of earlier runs. A stopped run's grains deactivate
/// after its Stop call returns, so memory measured right after would still include them (or would
/// shrink while being measured). Idle activations are collected at once and the count watched until
/// it stops falling.
/// </summary>
internal static class SiloSettling
{
    public static async Task<int> WaitAsync(IGrainFactory grains, TimeSpan timeout)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var clock = Stopwatch.StartNew();
        await management.ForceActivationCollection(TimeSpan.Zero);
        int previous = int.MaxValue;
        while (clock.Elapsed < timeout)
        {
            int count = await management.GetTotalActivationCount();
            if (count >= previous) return count;
            previous = count;
            await Task.Delay(200);
        }
        return previous;
    }
}
