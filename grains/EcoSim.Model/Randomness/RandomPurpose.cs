namespace EcoSim.Model.Randomness;

/// <summary>
/// What a random draw is for. Part of the generator's counter, so that draws for different purposes
/// never share numbers, and a policy run and its baseline draw the same numbers for the same purpose.
/// Values are part of the output contract: never renumber, only append.
/// </summary>
public enum RandomPurpose : byte
{
    /// <summary>Initial attributes of a firm.</summary>
    FirmInit = 1,
    /// <summary>The size of a firm's successful innovation (a Beta draw, variable length).</summary>
    InnovationSize = 2,
    // 3, 4, 5 and 12 were the separate imitation, adoption, market-shock and exit streams before they
    // were merged into FirmTick; never reuse them.
    /// <summary>A firm's fixed draws of one tick, at fixed positions (see FirmPhase.Step).</summary>
    FirmTick = 14,
    /// <summary>A lab's breakthroughs.</summary>
    Breakthrough = 6,
    /// <summary>Spin-offs from a lab's breakthroughs.</summary>
    SpinOff = 7,
    /// <summary>Spontaneous firm entry in a cluster.</summary>
    Entry = 8,
    /// <summary>Attributes of an entering firm.</summary>
    EntrantInit = 9,
    /// <summary>Initial attributes of a lab.</summary>
    LabInit = 10,
    /// <summary>Fund screening of start-ups.</summary>
    Screening = 11,
    /// <summary>Progress of candidates through a cluster's development pipeline.</summary>
    Pipeline = 13,
    /// <summary>Whether an eligible firm applies for high-tech certification at a yearly review.</summary>
    Certification = 15,
    /// <summary>Whether an initial firm holds a certificate at the start, and in which of the review period's years it was granted.</summary>
    CertificationStart = 16,
}
