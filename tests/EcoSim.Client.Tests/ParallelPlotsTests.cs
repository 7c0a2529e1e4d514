using EcoSim.Experiments.Output;

namespace EcoSim.Client.Tests;

/// <summary>Plots drawn side by side (<see cref="PlotJobs"/>) have the bytes of plots drawn one after another.</summary>
public sealed class ParallelPlotsTests
{
    [Fact]
    public void Every_png_and_svg_drawn_four_at_a_time_has_the_bytes_of_one_at_a_time()
    {
        using var temp = new TempFolder();
        var rows = SampleRows.Create();
        FirmSizeDistribution[] sizes =
        [
            FirmSizeDistribution.Of("2024Q1", Enumerable.Range(1, 500).Select(i => 0.01 * i * i)),
            FirmSizeDistribution.Of("2050Q4", Enumerable.Range(1, 700).Select(i => 0.02 * i * Math.Sqrt(i))),
        ];
        string caption = RunPlots.Caption("baseline", 42, new DateTime(2025, 1, 1));

        var serial = RunPlots.WriteAll(rows, sizes, temp.Combine("serial"), caption, parallelism: 1);
        var parallel = RunPlots.WriteAll(rows, sizes, temp.Combine("parallel"), caption, parallelism: 4);

        Assert.Equal([.. RunPlots.FileNames, "firm-size-distribution.png"], serial.Select(Path.GetFileName));
        Assert.Equal(serial.Select(Path.GetFileName), parallel.Select(Path.GetFileName));
        Assert.Equal(Directory.GetFiles(temp.Combine("serial")).Length, Directory.GetFiles(temp.Combine("parallel")).Length);
        foreach (var (a, b) in serial.Zip(parallel))
        {
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
            Assert.Equal(File.ReadAllBytes(PlotFiles.SvgTwin(a)), File.ReadAllBytes(PlotFiles.SvgTwin(b)));
        }
    }

    [Fact]
    public void Results_come_back_in_the_order_of_the_jobs_whatever_order_they_finish_in()
    {
        Func<int>[] jobs = [.. Enumerable.Range(0, 12).Select(i => (Func<int>)(() => { Thread.Sleep((12 - i) * 3); return i * i; }))];

        var results = PlotJobs.Run(jobs, parallelism: 4);

        Assert.Equal(Enumerable.Range(0, 12).Select(i => i * i), results);
    }

    [Fact]
    public void A_failing_job_throws_its_own_exception_not_an_aggregate()
    {
        Func<int>[] jobs = [() => 1, () => throw new IOException("disk full"), () => 3];

        var thrown = Assert.Throws<IOException>(() => PlotJobs.Run(jobs, parallelism: 2));
        Assert.Equal("disk full", thrown.Message);
    }

    [Fact]
    public void Fewer_than_one_job_at_a_time_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PlotJobs.Run<int>([() => 1], parallelism: 0));
    }
}
