namespace EcoSim.Experiments.Output;

/// <summary>
/// How to start this program again, as the words to type before its arguments. Manifests and reports
/// record the command a reader can run, and the program is not always an installed <c>ecosim</c>:
/// <list type="bullet">
/// <item><c>dotnet path/ecosim.dll ...</c>: the process is <c>dotnet</c>, so <c>dotnet</c> and the dll;</item>
/// <item><c>dotnet run --project client/EcoSim.Client</c>, or the build output started directly: the process is the
/// launcher beside the dll, so that launcher's path (which works once the project is built);</item>
/// <item>the .NET tool (<c>dotnet tool install</c>): the process is the tool's launcher in a folder of its own, so
/// <c>ecosim</c> when that folder is on PATH, its full path otherwise.</item>
/// </list>
/// Paths inside the current folder are written relative to it.
/// </summary>
public static class ProgramInvocation
{
    /// <summary>The words that start this process's program.</summary>
    public static IReadOnlyList<string> Current() =>
        Of(Environment.ProcessPath, Environment.GetCommandLineArgs()[0], AppContext.BaseDirectory, Environment.CurrentDirectory,
           Environment.GetEnvironmentVariable("PATH"));

    /// <summary>The words that start a program run as <paramref name="processPath"/> with entry assembly <paramref name="assemblyPath"/>.</summary>
    /// <param name="processPath">The process's executable (<c>dotnet</c> or a launcher), if known.</param>
    /// <param name="assemblyPath">The program's dll.</param>
    /// <param name="baseDirectory">The folder the program's dll was loaded from.</param>
    /// <param name="currentDirectory">The folder it was started in.</param>
    /// <param name="pathVariable">The PATH environment variable.</param>
    public static IReadOnlyList<string> Of(string? processPath, string assemblyPath, string baseDirectory, string currentDirectory, string? pathVariable)
    {
        if (processPath is null || Path.GetFileNameWithoutExtension(processPath) == "dotnet")
            return ["dotnet", Shown(assemblyPath, currentDirectory)];
        string folder = Path.GetDirectoryName(Path.GetFullPath(processPath)) ?? "";
        if (SameFolder(folder, baseDirectory)) return [Shown(processPath, currentDirectory)];
        bool onPath = (pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(p => SameFolder(p, folder));
        return [onPath ? Path.GetFileNameWithoutExtension(processPath) : Path.GetFullPath(processPath)];
    }

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);

    /// <summary>A path relative to <paramref name="currentDirectory"/> when it lies inside it (with <c>./</c> when it has no folder), else in full.</summary>
    private static string Shown(string path, string currentDirectory)
    {
        string full = Path.GetFullPath(path, currentDirectory);
        string relative = Path.GetRelativePath(currentDirectory, full);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) return full;
        return relative.Contains(Path.DirectorySeparatorChar) ? relative : $".{Path.DirectorySeparatorChar}{relative}";
    }
}
