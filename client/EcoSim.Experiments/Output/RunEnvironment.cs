using System.Reflection;
using System.Runtime.InteropServices;

namespace EcoSim.Experiments.Output;

/// <summary>Facts about the running program recorded in <see cref="OutputManifest"/>.</summary>
public static class RunEnvironment
{
    /// <summary>
    /// The entry assembly's informational version (the .NET SDK appends <c>+&lt;git commit&gt;</c> when
    /// building from a repository), or <c>unknown</c>.
    /// </summary>
    public static string CodeVersion =>
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "unknown";

    /// <summary>
    /// Whether the git working tree had uncommitted changes to tracked files when this program was built
    /// (recorded by the build as assembly metadata), or null when it was not built from a git working tree.
    /// With <c>true</c>, the commit in <see cref="CodeVersion"/> does not by itself say which code ran.
    /// </summary>
    public static bool? UncommittedChanges => Parse(typeof(RunEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "EcoSim.UncommittedChanges")?.Value);

    /// <summary>The .NET runtime description, e.g. <c>.NET 10.0.0</c>.</summary>
    public static string RuntimeVersion => RuntimeInformation.FrameworkDescription;

    /// <summary>The operating system description.</summary>
    public static string OsDescription => RuntimeInformation.OSDescription;

    /// <summary>
    /// The command as it can be typed again, one word per element: the program as <see cref="ProgramInvocation"/>
    /// finds it (e.g. <c>ecosim</c>, or <c>dotnet</c> and the dll), then the arguments.
    /// </summary>
    public static IReadOnlyList<string> CommandLine => [.. ProgramInvocation.Current(), .. Environment.GetCommandLineArgs().Skip(1)];

    /// <summary>The build's word for <see cref="UncommittedChanges"/>: "true", "false", or anything else for unknown.</summary>
    internal static bool? Parse(string? recorded) => recorded switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };
}
