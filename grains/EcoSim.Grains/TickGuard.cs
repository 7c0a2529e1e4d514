namespace EcoSim.Grains;

/// <summary>
/// Checks that an entity grain sees every tick once and in order. Grain state lives in memory: if an
/// activation were lost and recreated mid-run, this stops the run with a clear error instead of
/// silently restarting the entity from tick 0.
/// </summary>
internal sealed class TickGuard(string entity, int firstTick = 0)
{
    private int _next = firstTick;

    public void Enter(int tick)
    {
        if (tick != _next)
            throw new InvalidOperationException($"{entity} expected tick {_next} but was asked for tick {tick}: its activation was lost or a tick was skipped");
        _next++;
    }
}
