namespace EcoSim.Experiments;

/// <summary>What a member of an experiment stands for, which decides how collectors file its results.</summary>
public enum MemberRole
{
    /// <summary>A run of a scenario as it is: a single run or one seed of an ensemble.</summary>
    Run,
    /// <summary>The baseline of a comparison.</summary>
    Baseline,
    /// <summary>The policy of a comparison, paired with the baseline of the same seed.</summary>
    Policy,
    /// <summary>One grid point of a sweep.</summary>
    Point,
}

/// <summary>The words for roles that files and reports use.</summary>
public static class MemberRoles
{
    /// <summary><c>baseline</c> or <c>policy</c> for a comparison's roles (the <c>role</c> column, the run files' prefix).</summary>
    public static string Name(this MemberRole role) => role switch
    {
        MemberRole.Baseline => "baseline",
        MemberRole.Policy => "policy",
        MemberRole.Run => "run",
        MemberRole.Point => "point",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
