using System.Diagnostics;
using System.Globalization;

namespace EcoSim.Integration.Tests.Hostile;

/// <summary>What a child process of the command line did: its exit code, what it printed, and its peak memory.</summary>
/// <param name="Code">Exit code (-1 if it was killed for taking too long).</param>
/// <param name="Output">Standard output.</param>
/// <param name="Errors">Standard error.</param>
/// <param name="PeakBytes">The largest resident set seen (VmHWM of /proc/PID/status, sampled), 0 where /proc is missing.</param>
internal sealed record ChildRun(int Code, string Output, string Errors, long PeakBytes)
{
    private static readonly TimeSpan Sampling = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Runs <c>dotnet ecosim.dll</c> (the build next to the tests) with <paramref name="args"/> in <paramref name="folder"/>,
    /// sampling its high-water mark of resident memory until it exits. VmHWM only grows, so the last sample misses at
    /// most what the process allocated in its last few milliseconds. <paramref name="environment"/> adds
    /// variables to the child's environment.
    /// </summary>
    public static ChildRun Ecosim(string folder, string[] args, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ecosim.dll"));
        foreach (string arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("ECOSIM_DEBUG");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        long peak = 0;
        while (!process.WaitForExit(Sampling))
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
            if (clock.Elapsed > timeout)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new ChildRun(-1, output.Result, errors.Result, peak);
            }
        }
        return new ChildRun(process.ExitCode, output.Result, errors.Result, peak);
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { }
        return 0;
    }
}
