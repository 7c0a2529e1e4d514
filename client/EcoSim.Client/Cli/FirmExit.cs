using EcoSim.Model.Inspection;
using EcoSim.Model.Phases;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Client.Cli;

/// <summary>
/// When an exited firm left: its state keeps the age it had when it exited, and a firm's age advances by
/// one in every tick it is stepped (tick 0 included), from the age the model gives it at the start. So a
/// firm of the starting population that exited in tick k has age (age at the start) + k + 1, the start
/// being drawn again by the model's own initialisation. An entrant's entry tick is not in its state, so
/// its exit is not known.
/// </summary>
internal static class FirmExit
{
    /// <summary>The tick firm <paramref name="firm"/> exited, having reached <paramref name="ageAtExit"/>; null for an entrant.</summary>
    public static int? Tick(EntityRef firm, int ageAtExit, WorldSpec world)
    {
        var constants = WorldConstants.Derive(world);
        if (firm.Index >= constants.FirmsPerCluster[firm.Cluster]) return null;
        var start = new FirmShard(firm.Cluster, firm.Index, 1);
        FirmPhase.Initialize(start, world, constants, firm.Index, 1);
        return ageAtExit - start.Age[0] - 1;
    }
}
