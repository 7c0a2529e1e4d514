using System.Reflection;
using System.Runtime.InteropServices;

namespace EcoSim.Client.Output;

/// <summary>Facts about the running program recorded in <see cref="RunManifest"/>.</summary>
public static class RunEnvironment
{
    /// <summary>
    /// The entry assembly's informational version (the .NET SDK appends <c>+&lt;git commit&gt;</c> when
    /// building from a repository), or <c>unknown</c>.
    /// </summary>
    public static string CodeVersion =>
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "unknown";

    /// <summary>The .NET runtime description, e.g. <c>.NET 10.0.0</c>.</summary>
    public static string RuntimeVersion => RuntimeInformation.FrameworkDescription;

    /// <summary>The operating system description.</summary>
    public static string OsDescription => RuntimeInformation.OSDescription;

    /// <summary>
    /// The command as it can be typed again, one word per element: the program as <see cref="ProgramInvocation"/>
    /// finds it (e.g. <c>ecosim</c>, or <c>dotnet</c> and the dll), then the arguments.
    /// </summary>
    public static IReadOnlyList<string> CommandLine => [.. ProgramInvocation.Current(), .. Environment.GetCommandLineArgs().Skip(1)];
}
