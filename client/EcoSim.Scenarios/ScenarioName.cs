namespace EcoSim.Scenarios;

/// <summary>
/// What a scenario's <c>name:</c> may be. The name becomes a folder name (<c>runs/&lt;name&gt;</c>, and parts of
/// others) and is printed, so it is limited to characters that are safe in both: letters (of any script),
/// digits, <c>-</c>, <c>_</c> and <c>.</c>, not starting with <c>.</c> (no hidden folder, no <c>..</c>), at most
/// <see cref="MaxLength"/> characters. No separator, control character or space can get in.
/// </summary>
public static class ScenarioName
{
    /// <summary>Longest name accepted.</summary>
    public const int MaxLength = 100;

    /// <summary>The rule, as error messages and the documentation give it.</summary>
    public const string Rule = "a name is 1 to 100 letters, digits, '-', '_' and '.', not starting with '.'";

    /// <summary>Whether <paramref name="name"/> follows <see cref="Rule"/>.</summary>
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= MaxLength && name[0] != '.' && name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.');
}
