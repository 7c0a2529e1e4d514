using System.Diagnostics;

namespace EcoSim.Scale;

/// <summary>
/// The peak resident memory of this process over a stretch of work. On Linux the kernel's high-water
/// mark is reset first (writing 5 to /proc/self/clear_refs) and read from /proc/self/status, so the
/// peak is that of the stretch; elsewhere it is the peak since the process started.
/// </summary>
internal static class PeakResidentMemory
{
    private const string ClearRefs = "/proc/self/clear_refs", Status = "/proc/self/status";

    /// <summary>Resets the high-water mark; false where that is not possible.</summary>
    public static bool Reset()
    {
        try { File.WriteAllText(ClearRefs, "5"); return true; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException) { return false; }
    }

    /// <summary>The high-water mark of resident memory, bytes.</summary>
    public static long Read()
    {
        if (File.Exists(Status))
            foreach (var line in File.ReadLines(Status))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    /// <summary>The resident memory now, bytes.</summary>
    public static long Current()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
