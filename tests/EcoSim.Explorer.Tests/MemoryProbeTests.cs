using EcoSim.Explorer.Api;

namespace EcoSim.Explorer.Tests;

/// <summary>The memory probe bench/explorer.py reads: what a full collection leaves held, and on Linux the resident memory once the C library trimmed.</summary>
public sealed class MemoryProbeTests
{
    [Fact]
    public void A_reading_counts_what_is_still_held_and_on_linux_trims_the_c_librarys_free_memory()
    {
        var held = Enumerable.Range(0, 64).Select(_ => new byte[1 << 20]).ToList();
        var reading = MemoryProbe.Read();
        Assert.True(reading.HeapAfter >= 64, $"64 MiB are held, yet the heap after the collection is {reading.HeapAfter:0} MiB");
        Assert.True(reading.ResidentAfter >= reading.HeapAfter, $"resident {reading.ResidentAfter:0} MiB is less than the heap in use {reading.HeapAfter:0} MiB");
        if (OperatingSystem.IsLinux()) Assert.NotNull(reading.ResidentAfterTrim);
        else Assert.Null(reading.ResidentAfterTrim);
        GC.KeepAlive(held);
    }
}
