namespace EcoSim.Experiments.Output;

/// <summary>
/// Draws independent plots side by side. Each ScottPlot plot owns its canvas and data and the bundled font is
/// registered once before any job starts (<see cref="PlotFonts.EnsureLoaded"/>), so the jobs share nothing and each
/// file has the bytes a one-at-a-time drawing gives; a run's fifteen plots were a third of a whole baseline run drawn
/// one after another.
/// </summary>
public static class PlotJobs
{
    /// <summary>As many jobs at a time as the machine has cores: drawing is CPU work, more would only queue.</summary>
    public static int DefaultParallelism => Environment.ProcessorCount;

    /// <summary>
    /// Runs every job of <paramref name="jobs"/>, at most <paramref name="parallelism"/> at a time, and returns their
    /// results in the jobs' order; a job that throws fails the whole call once every started job has ended.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parallelism"/> is below 1.</exception>
    public static IReadOnlyList<T> Run<T>(IReadOnlyList<Func<T>> jobs, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        PlotFonts.EnsureLoaded();
        var results = new T[jobs.Count];
        if (parallelism == 1 || jobs.Count < 2)
        {
            for (int i = 0; i < jobs.Count; i++) results[i] = jobs[i]();
            return results;
        }
        try
        {
            Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i => results[i] = jobs[i]());
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The first failure, as the one-at-a-time loop would have thrown it (a missing font, a full disk).
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return results;
    }
}
