namespace EcoSim.Experiments.Sensitivity;

/// <summary>Where the range of a sensitivity parameter came from. A reader of the results must know whether the analyst chose the range or took the catalogue's.</summary>
public enum RangeBasis
{
    /// <summary>Given as NAME=LOW:HIGH.</summary>
    Given,
    /// <summary>NAME alone: the catalogue's documented plausible range (<see cref="EcoSim.Model.Parameters.PlausibleRange"/>).</summary>
    Plausible,
}

/// <summary>The manifest's words for <see cref="RangeBasis"/>.</summary>
public static class RangeBases
{
    /// <summary>The words a manifest may hold, for messages.</summary>
    public const string Keys = "given or plausible";

    /// <summary>The manifest's word for <paramref name="basis"/>.</summary>
    public static string Key(this RangeBasis basis) => basis == RangeBasis.Plausible ? "plausible" : "given";

    /// <summary>The basis a manifest recorded; a manifest written before ranges had a basis records none, which means given.</summary>
    public static RangeBasis? Parse(string? key) => key switch
    {
        null or "given" => RangeBasis.Given,
        "plausible" => RangeBasis.Plausible,
        _ => null,
    };
}
