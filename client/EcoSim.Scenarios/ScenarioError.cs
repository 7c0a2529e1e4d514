namespace EcoSim.Scenarios;

/// <summary>One problem found in a scenario file, with where it is.</summary>
/// <param name="File">Path of the file as the user gave it.</param>
/// <param name="Line">1-based line, or 0 when the problem is the whole file.</param>
/// <param name="Column">1-based column, or 0.</param>
/// <param name="Key">The key path (e.g. <c>clusters[3].revenue</c>), or empty.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record ScenarioError(string File, int Line, int Column, string Key, string Message)
{
    /// <summary>The error as one line: <c>file:line:column: key: message</c>.</summary>
    public override string ToString()
    {
        string where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return Key.Length > 0 ? $"{where}: {Key}: {Message}" : $"{where}: {Message}";
    }
}

/// <summary>A scenario could not be loaded; <see cref="Errors"/> lists every problem found.</summary>
public sealed class ScenarioException(IReadOnlyList<ScenarioError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; } = errors;
}
