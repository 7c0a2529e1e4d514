namespace EcoSim.Experiments.Output;

/// <summary>A manifest that cannot be read or reproduced: missing, not JSON, not EcoSim's, or a key with a bad value.</summary>
/// <param name="key">The key at fault (e.g. <c>seeds</c>), or null when the whole file is.</param>
/// <param name="message">What is wrong, as a sentence fragment.</param>
public sealed class ManifestProblem(string? key, string message) : FormatException(message)
{
    /// <summary>The key at fault, or null when the whole file is.</summary>
    public string? Key { get; } = key;

    /// <summary>The error line: <c>file: key: message</c>.</summary>
    public string Describe(string file) => Key is null ? $"{file}: {Message}" : $"{file}: {Key}: {Message}";
}
