namespace EcoSim.Model.World;

/// <summary>Kinds of research organisation, with different weights on basic and applied work.</summary>
public enum LabKind
{
    /// <summary>A university.</summary>
    University,
    /// <summary>A provincial laboratory.</summary>
    ProvincialLab,
    /// <summary>A national laboratory or national key lab.</summary>
    NationalLab,
    /// <summary>A new-type R&amp;D institute, close to industry.</summary>
    RdInstitute,
}

/// <summary>Kinds of financier.</summary>
public enum FundKind
{
    /// <summary>Private venture capital.</summary>
    Venture,
    /// <summary>Government guidance fund, levering private money with public S&amp;T finance.</summary>
    Guidance,
    /// <summary>A bank's S&amp;T lending arm.</summary>
    Bank,
}

/// <summary>How many labs of each kind, and their relative weights in basic and applied funding.</summary>
/// <param name="Kind">Kind of lab.</param>
/// <param name="Count">Number of labs.</param>
/// <param name="BasicWeight">Relative claim on basic-research money.</param>
/// <param name="AppliedWeight">Relative claim on applied (breakthrough) money.</param>
public sealed record LabGroup(LabKind Kind, int Count, double BasicWeight, double AppliedWeight);

/// <summary>How many funds of one kind, with their total capital at the start.</summary>
/// <param name="Kind">Kind of fund.</param>
/// <param name="Count">Number of funds.</param>
/// <param name="Capital">Total capital of the group at the start, bn yuan.</param>
public sealed record FundGroup(FundKind Kind, int Count, double Capital);
