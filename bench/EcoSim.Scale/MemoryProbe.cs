using System.Diagnostics;
using System.Globalization;
using EcoSim.Experiments;

namespace EcoSim.Scale;

/// <summary>
/// Memory per firm at tick 0, each case in a fresh child process of this program (see
/// <see cref="MemoryChild"/>): in the harness's own process the memory of earlier measures, freed but
/// still committed, would be reused by the new world and hide it from the working set.
/// </summary>
internal static class MemoryProbe
{
    public static async Task RunAsync(HarnessPlan plan, HarnessResults results, TextWriter log)
    {
        foreach (int firms in plan.MemoryFirms)
            foreach (var engine in new[] { EngineKind.Reference, EngineKind.Orleans })
            {
                var (managed, working) = await MeasureInChildAsync(engine, firms, plan.DefaultShard);
                results.Add(new Sample("memory-managed", engine, firms, 0, 0, 1, managed / firms, "bytes/firm"));
                results.Add(new Sample("memory-working-set", engine, firms, 0, 0, 1, working / firms, "bytes/firm"));
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"memory: {engine.Name(),-9} {firms,9:N0} firms: managed heap {managed / firms,6:F0} B/firm, working set {working / firms,6:F0} B/firm"));
            }
    }

    private static async Task<(double Managed, double WorkingSet)> MeasureInChildAsync(EngineKind engine, int firms, int firmsPerShard)
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this program is unknown");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(MemoryProbe).Assembly.Location);
        foreach (string arg in new[] { MemoryChild.Argument, engine.Name(), firms.ToString(CultureInfo.InvariantCulture), firmsPerShard.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}");
        string output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(MemoryChild.Prefix, StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null)
            throw new InvalidOperationException($"the memory measure of {engine.Name()} at {firms} firms failed (exit code {child.ExitCode}): {output}");
        var fields = line[MemoryChild.Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (double.Parse(fields[0], CultureInfo.InvariantCulture), double.Parse(fields[1], CultureInfo.InvariantCulture));
    }
}
