using EcoSim.Model.Phases;
using EcoSim.Model.World;

namespace EcoSim.Model.Inspection;

/// <summary>Checks that a run has an entity, with one message for every engine.</summary>
public static class EntityBounds
{
    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> naming the allowed range if the world has no
    /// such cluster, lab or fund. Firm indices are checked where the firms are (their number grows).
    /// </summary>
    public static void Check(EntityRef entity, WorldSpec world, WorldConstants constants)
    {
        int n = world.ClusterCount;
        switch (entity.Kind)
        {
            case EntityKind.Firm or EntityKind.TalentPool when entity.Cluster < 0 || entity.Cluster >= n:
                throw EntityDescriptions.NotFound(entity, $"clusters are 0..{n - 1}");
            case EntityKind.Firm when entity.Index < 0:
                throw EntityDescriptions.NotFound(entity, "firm indices start at 0");
            case EntityKind.Lab when entity.Index < 0 || entity.Index >= constants.Labs.Length:
                throw EntityDescriptions.NotFound(entity, $"labs are 0..{constants.Labs.Length - 1}");
            case EntityKind.Fund when entity.Index < 0 || entity.Index >= constants.FundKinds.Length:
                throw EntityDescriptions.NotFound(entity, $"funds are 0..{constants.FundKinds.Length - 1}");
        }
    }

    /// <summary>The error for firm <paramref name="entity"/> when its cluster has <paramref name="firms"/> firm slots.</summary>
    public static ArgumentOutOfRangeException NoSuchFirm(EntityRef entity, long firms) =>
        EntityDescriptions.NotFound(entity, $"cluster {entity.Cluster} has firms 0..{firms - 1} at this tick (exited firms keep their index)");
}
