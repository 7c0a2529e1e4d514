using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EcoSim.Explorer.Api;

/// <summary>The server's memory before and after a forced full, compacting collection, in MiB.</summary>
/// <param name="HeapBefore">Managed heap in use before the collection (live objects and garbage not yet collected).</param>
/// <param name="HeapAfter">Managed heap in use after it: what is still held.</param>
/// <param name="CommittedAfter">Memory the collector keeps committed after it (its reserve for the heaps).</param>
/// <param name="ResidentAfter">The process's resident memory after it.</param>
/// <param name="ResidentAfterTrim">The resident memory once the C library has also handed back the free memory it keeps (Linux's
/// <c>malloc_trim</c>), or null where there is no such call: what is left is what native code still holds.</param>
public sealed record MemoryReading(double HeapBefore, double HeapAfter, double CommittedAfter, double ResidentAfter, double? ResidentAfterTrim);

/// <summary>
/// A debugging aid, off unless the server starts with <c>ECOSIM_EXPLORER_DEBUG_MEMORY=1</c>: <c>POST /api/debug/memory</c>
/// forces a full, compacting garbage collection and reads the memory before and after, so that memory kept after deleted
/// runs can be told apart: garbage the server collector had not yet collected, its committed reserve, objects still held, or
/// memory native code freed (the snapshots' zlib streams) that the C library keeps for reuse. Off by default because a forced collection stalls every run on the server while it lasts.
/// </summary>
public static class MemoryProbe
{
    /// <summary>The environment variable that turns the probe on.</summary>
    public const string Switch = "ECOSIM_EXPLORER_DEBUG_MEMORY";

    /// <summary>Maps the probe if <see cref="Switch"/> is 1.</summary>
    public static void MapIfEnabled(IEndpointRouteBuilder app)
    {
        if (Environment.GetEnvironmentVariable(Switch) != "1") return;
        app.MapPost("/api/debug/memory", Read).ExcludeFromDescription();
    }

    /// <summary>Collects everything it can and reads the memory before and after.</summary>
    public static MemoryReading Read()
    {
        const double MiB = 1024 * 1024;
        long before = GC.GetTotalMemory(forceFullCollection: false);
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        double resident = Resident() / MiB;
        double? trimmed = null;
        if (OperatingSystem.IsLinux())
        {
            try { MallocTrim(0); trimmed = Resident() / MiB; }
            catch (EntryPointNotFoundException) { } // a C library without malloc_trim (musl)
        }
        return new MemoryReading(before / MiB, after / MiB, info.TotalCommittedBytes / MiB, resident, trimmed);
    }

    private static long Resident()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    // glibc: return the free memory of every malloc arena to the system (not only the top of the main one, as free does).
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
