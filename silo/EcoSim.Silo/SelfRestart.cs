using System.Runtime.InteropServices;

namespace EcoSim.Silo;

/// <summary>
/// Starts this silo process again from the beginning, with the same arguments and the same process id, by
/// replacing the program image (execv). Used when the silo's row vanished from the membership table: Orleans
/// cannot insert a lost row again, and stopping the old silo in place hangs on the row it cannot update. The
/// same process id keeps scripts/cluster.sh's pid files true; the silo's sockets close on exec, so the new
/// silo binds the same ports and joins the cluster as a new silo (a new generation).
/// </summary>
internal static partial class SelfRestart
{
    /// <summary>Replaces this process with a fresh start of itself; returns only if that failed, with the reason.</summary>
    public static string Exec()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return "restarting in place needs Linux or macOS";
        string? program = Environment.ProcessPath;
        if (program is null) return "the path of this process' program is unknown";
        // argv[0] is the program; for 'dotnet EcoSim.Silo.dll ...' GetCommandLineArgs() starts with the dll instead.
        string[] args = Environment.GetCommandLineArgs();
        bool hosted = Path.GetFileNameWithoutExtension(program) == "dotnet";
        string?[] argv = [program, .. hosted ? args : args[1..], null];
        Console.Out.Flush();
        Console.Error.Flush();
        execv(program, argv);
        return $"execv failed (errno {Marshal.GetLastPInvokeError()})";
    }

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi)]
#pragma warning disable SYSLIB1054 // LibraryImport cannot marshal a string array without a custom marshaller
    private static extern int execv(string path, string?[] argv);
#pragma warning restore SYSLIB1054
}
